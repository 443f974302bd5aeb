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
  /** Business days (Mon–Fri) an escalated case may wait before an officer takes it. */
  triageBusinessDays: number;
  /** How long compliance has, from escalation, to decide a case. */
  decisionWindowMs: number;
}

export const DEFAULT_WINDOWS: Readonly<DeadlineWindows> = {
  remediationWindowMs: 7 * DAY_MS,
  confirmationWindowMs: 7 * DAY_MS,
  reminderLeadMs: 48 * HOUR_MS,
  triageBusinessDays: 2,
  decisionWindowMs: 30 * DAY_MS,
};

export function addWindow(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

/**
 * The same time of day, `days` working days later, counting Monday to Friday in UTC (the
 * organisation's calendar of holidays is not modelled). A start at the weekend counts
 * from the following Monday's same time: Saturday + 1 is Monday.
 */
export function addBusinessDays(date: Date, days: number): Date {
  const result = new Date(date.getTime());
  let remaining = days;
  while (remaining > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (isBusinessDay(result)) remaining--;
  }
  return result;
}

export function isBusinessDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/** A deadline is reached at its exact instant, so a job running on time may act on it. */
export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() >= due.getTime();
}

/**
 * A whole unit is counted from a thousandth below it: under 90 seconds for a day, under 4
 * seconds for an hour. A deadline is read moments after it is set (the page after filing,
 * the notice opened at once), and a fresh 7-day window read a second later is 6 days, 23
 * hours and 59 minutes away: rounding that down to "6 days left" would take a day off the
 * person for nothing, while calling it "7 days left" gives them at most a minute and a half
 * that they do not have.
 */
const WHOLE_UNIT_GRACE = 0.001;

function wholeUnits(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs + WHOLE_UNIT_GRACE);
}

/** A span in whole units, rounded down: "7 days", "5 hours". */
export function describeSpan(ms: number): string {
  if (wholeUnits(ms, DAY_MS) >= 1) return plural(wholeUnits(ms, DAY_MS), "day");
  if (wholeUnits(ms, HOUR_MS) >= 1) return plural(wholeUnits(ms, HOUR_MS), "hour");
  if (wholeUnits(ms, MINUTE_MS) >= 1) return plural(wholeUnits(ms, MINUTE_MS), "minute");
  return "less than a minute";
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * "7 days left", "due in 5 hours", "overdue by 2 days". Spans round down, so nobody is
 * told they have more time than they do (beyond the trivial grace above); under a day the
 * wording turns to "due in" to read as the nearer deadline it is.
 */
export function describeTimeLeft(due: Date, now: Date): string {
  const remainingMs = due.getTime() - now.getTime();
  if (isOverdue(due, now)) return `overdue by ${describeSpan(-remainingMs)}`;
  if (wholeUnits(remainingMs, DAY_MS) >= 1) return `${describeSpan(remainingMs)} left`;
  return `due in ${describeSpan(remainingMs)}`;
}
