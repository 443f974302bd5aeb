/**
 * Deadline arithmetic. Pure: the caller passes the time in, so jobs, pages and tests all
 * judge a deadline against the same clock reading.
 */

const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The configurable windows of a concern's life, in milliseconds. */
export interface DeadlineWindows {
  /** How long the colleague has to act on a notice. */
  remediationWindowMs: number;
  /** How long the reporter has to answer a remediation or a dispute before it stands. */
  confirmationWindowMs: number;
  /** How long before a deadline the reminder goes out. */
  reminderLeadMs: number;
}

export const DEFAULT_WINDOWS: Readonly<DeadlineWindows> = {
  remediationWindowMs: 7 * DAY_MS,
  confirmationWindowMs: 7 * DAY_MS,
  reminderLeadMs: 48 * HOUR_MS,
};

export function addWindow(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/** A deadline is reached at its exact instant, so a job running on time may act on it. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() >= due.getTime();
}

function describeSpan(ms: number): string {
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), "day");
  if (ms >= HOUR_MS) return plural(Math.floor(ms / HOUR_MS), "hour");
  if (ms >= MINUTE_MS) return plural(Math.floor(ms / MINUTE_MS), "minute");
  return "less than a minute";
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * "3 days left", "due in 5 hours", "overdue by 2 days". Spans round down, so nobody is
 * told they have more time than they do; under a day the wording turns to "due in" to
 * read as the nearer deadline it is.
 */
export function describeTimeLeft(due: Date, now: Date): string {
  const remainingMs = due.getTime() - now.getTime();
  if (isOverdue(due, now)) return `overdue by ${describeSpan(-remainingMs)}`;
  if (remainingMs >= DAY_MS) return `${describeSpan(remainingMs)} left`;
  return `due in ${describeSpan(remainingMs)}`;
}
