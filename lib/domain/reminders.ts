/**
 * Reminders before deadlines, as a pure rule: which reminder a concern waiting in its
 * current state deserves, and when. The job that sends it asks again when it runs, so a
 * case that moved on is never reminded about.
 */
import type { ConcernState, Recipient } from "./concern-workflow";

export const REMINDER_KINDS = ["reminder_response_due", "reminder_answer_due"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Officers are reminded once a compliance clock has run out (lib/services/concerns/remind-officers.ts). */
export const OVERDUE_REMINDER_KINDS = ["triage_overdue", "decision_overdue"] as const;
export type OverdueReminderKind = (typeof OVERDUE_REMINDER_KINDS)[number];

export interface DueReminder {
  kind: ReminderKind;
  recipient: Extract<Recipient, "reporter" | "subject">;
  dueAt: Date;
}

/** The colleague is reminded to respond; the reporter to answer a remediation or a dispute. */
export function reminderFor(concern: {
  state: ConcernState;
  responseDueAt: Date;
  confirmationDueAt: Date | null;
}): DueReminder | null {
  if (concern.state === "awaiting_response") {
    return { kind: "reminder_response_due", recipient: "subject", dueAt: concern.responseDueAt };
  }
  if (
    (concern.state === "remediation_reported" || concern.state === "disputed") &&
    concern.confirmationDueAt
  ) {
    return { kind: "reminder_answer_due", recipient: "reporter", dueAt: concern.confirmationDueAt };
  }
  return null;
}

/**
 * When to remind: `leadMs` before the deadline, but never in the first half of the
 * window, so a short window does not remind someone moments after telling them.
 */
export function reminderTime(windowStart: Date, dueAt: Date, leadMs: number): Date {
  const halfway = windowStart.getTime() + (dueAt.getTime() - windowStart.getTime()) / 2;
  return new Date(Math.max(dueAt.getTime() - leadMs, halfway));
}
