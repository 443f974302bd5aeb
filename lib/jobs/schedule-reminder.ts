import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { ConcernState } from "@/lib/domain/concern-workflow";
import { reminderFor, reminderTime } from "@/lib/domain/reminders";

export const SEND_REMINDER = "send-reminder";

export interface ReminderPayload {
  concernId: string;
  kind: string;
  dueAt: string;
}

/**
 * Keeps at most one durable reminder job per concern, for whoever the case now waits on;
 * every state change replaces it (job_key) or removes it, in the change's own transaction.
 * The job asks again when it runs, so a reminder can never outlive the step it is about.
 */
export async function scheduleReminder(
  tx: Db,
  concern: {
    id: string;
    state: ConcernState;
    responseDueAt: Date;
    confirmationDueAt: Date | null;
  },
  windowStart: Date,
  leadMs: number,
): Promise<void> {
  const jobKey = `concern-reminder:${concern.id}`;
  const reminder = reminderFor(concern);
  const remindAt = reminder && reminderTime(windowStart, reminder.dueAt, leadMs);
  if (!reminder || !remindAt || remindAt.getTime() <= windowStart.getTime()) {
    await tx.execute(sql`select graphile_worker.remove_job(${jobKey})`);
    return;
  }
  const payload: ReminderPayload = {
    concernId: concern.id,
    kind: reminder.kind,
    dueAt: reminder.dueAt.toISOString(),
  };
  await tx.execute(sql`select graphile_worker.add_job(
    ${SEND_REMINDER},
    ${JSON.stringify(payload)}::json,
    run_at := ${remindAt.toISOString()}::timestamptz,
    job_key := ${jobKey},
    job_key_mode := 'replace',
    max_attempts := 10
  )`);
}
