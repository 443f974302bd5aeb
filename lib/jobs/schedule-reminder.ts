import type { ConcernState } from "@/lib/domain/concern-workflow";
import { reminderFor, reminderTime } from "@/lib/domain/reminders";
import type { JobChange } from "./job-changes";

export const SEND_REMINDER = "send-reminder";

export interface ReminderPayload {
  concernId: string;
  kind: string;
  dueAt: string;
}

interface ReminderFields {
  id: string;
  state: ConcernState;
  responseDueAt: Date;
  confirmationDueAt: Date | null;
}

/**
 * The reminder job a concern should have now, as a change to the queue: at most one
 * durable reminder job per concern, for whoever the case now waits on; every state change
 * replaces it (job_key) or removes it, in the change's own transaction. The job asks again
 * when it runs, so a reminder can never outlive the step it is about.
 */
export function reminderJob(concern: ReminderFields, windowStart: Date, leadMs: number): JobChange {
  const key = `concern-reminder:${concern.id}`;
  const reminder = reminderFor(concern);
  const remindAt = reminder && reminderTime(windowStart, reminder.dueAt, leadMs);
  if (!reminder || !remindAt || remindAt.getTime() <= windowStart.getTime()) return { key };
  const payload: ReminderPayload = {
    concernId: concern.id,
    kind: reminder.kind,
    dueAt: reminder.dueAt.toISOString(),
  };
  return {
    key,
    add: { task: SEND_REMINDER, payload: { ...payload }, runAt: remindAt, maxAttempts: 10 },
  };
}
