import type { Database } from "@/db/client";
import { isOverdue } from "@/lib/domain/deadlines";
import { reminderFor } from "@/lib/domain/reminders";
import type { ReminderPayload } from "@/lib/jobs/schedule-reminder";
import { notify } from "@/lib/notifications/notify";
import { listReportersStillToAnswer } from "@/lib/queries/case-reporters";
import { lockConcern } from "@/lib/services/concerns/lock-concern";

/**
 * Sends the reminder a job was scheduled for, if the case still waits on the same person
 * for the same deadline and that deadline has not passed. Otherwise the case has moved
 * on and nobody is reminded. Runs twice, tells once (the dedupe key). Returns whether a
 * reminder was created.
 */
export async function sendDueReminder(
  db: Database,
  payload: ReminderPayload,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Locked like any state change, so the case cannot move while we decide.
    const concern = await lockConcern(tx, payload.concernId);
    const reminder = concern && reminderFor(concern);
    if (
      !concern ||
      !reminder ||
      reminder.kind !== payload.kind ||
      reminder.dueAt.toISOString() !== payload.dueAt ||
      isOverdue(reminder.dueAt, now)
    ) {
      return false;
    }
    // Of a case several colleagues raised, each reporter who has yet to answer is reminded.
    const recipientIds =
      reminder.recipient === "subject"
        ? [concern.subjectId]
        : await listReportersStillToAnswer(tx, concern);
    const created = await notify(
      tx,
      recipientIds.map((recipientId) => ({
        recipientId,
        concernId: concern.id,
        recipientRelation: reminder.recipient,
        kind: reminder.kind,
        createdAt: now,
        dedupeKey: `${reminder.kind}:${concern.id}:${payload.dueAt}:${recipientId}`,
      })),
    );
    return created.length > 0;
  });
}
