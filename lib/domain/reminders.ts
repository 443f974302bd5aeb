/**
 * Reminders before deadlines, as a pure rule: which reminder a concern waiting in its
 * current state deserves, and when. The job that sends it asks again when it runs, so a
 * case that moved on is never reminded about.
 */
import type { ConcernState, Recipient } from "./concern-workflow";
import { waitingOn } from "./waiting-on";

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

/** Whoever the case waits on is reminded of their deadline (waiting-on.ts). */
export function reminderFor(concern: {
  state: ConcernState;
  responseDueAt: Date;
  confirmationDueAt: Date | null;
}): DueReminder | null {
  const wait = waitingOn(concern);
  return wait && { kind: wait.reminder, recipient: wait.party, dueAt: wait.dueAt };
}

/**
 * When to remind: `leadMs` before the deadline, but never in the first half of the
 * window, so a short window does not remind someone moments after telling them.
 */
export function reminderTime(windowStart: Date, dueAt: Date, leadMs: number): Date {
  const halfway = windowStart.getTime() + (dueAt.getTime() - windowStart.getTime()) / 2;
  return new Date(Math.max(dueAt.getTime() - leadMs, halfway));
}
