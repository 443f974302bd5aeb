import { DAY_MS } from "./deadlines";

/**
 * The parties are owed feedback within three months of escalation (the EU Whistleblower
 * Directive's limit; AMA Code 9.4.2 asks that the reporter be told when action is taken).
 * Officers are warned at 60 days and urgently at 75.
 */
export const FEEDBACK_DUE_DAYS = 90;
export const FEEDBACK_WARNING_DAYS = 60;
export const FEEDBACK_URGENT_DAYS = 75;

export type FeedbackLevel = "on_track" | "warning" | "urgent" | "overdue";

export interface FeedbackClock {
  dueAt: Date;
  /** Whole days since escalation. */
  daysElapsed: number;
  level: FeedbackLevel;
}

/** The feedback clock of an open escalated case; a decided one owes nothing more. */
export function feedbackClock(
  concern: { escalatedAt: Date | null; closedAt: Date | null },
  now: Date,
): FeedbackClock | null {
  if (!concern.escalatedAt || concern.closedAt) return null;
  const elapsedMs = now.getTime() - concern.escalatedAt.getTime();
  const daysElapsed = Math.floor(elapsedMs / DAY_MS);
  const level: FeedbackLevel =
    elapsedMs >= FEEDBACK_DUE_DAYS * DAY_MS
      ? "overdue"
      : elapsedMs >= FEEDBACK_URGENT_DAYS * DAY_MS
        ? "urgent"
        : elapsedMs >= FEEDBACK_WARNING_DAYS * DAY_MS
          ? "warning"
          : "on_track";
  return {
    dueAt: new Date(concern.escalatedAt.getTime() + FEEDBACK_DUE_DAYS * DAY_MS),
    daysElapsed,
    level,
  };
}
