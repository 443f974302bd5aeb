import type { Db, Transaction } from "@/db/client";
import { emailDeliveries, notifications } from "@/db/schema";
import { writeJobChanges } from "@/lib/jobs/job-changes";
import type { RecipientRelation } from "./describe-notification";
import { type NotificationKind, policyOf } from "./notification-kinds";

export const SEND_EMAIL = "send-email";

export interface NotificationToSend {
  recipientId: string;
  /** Null for a notification about no case. */
  concernId: string | null;
  /** Set, with no concern, for a notification about a pattern review of several concerns. */
  patternReviewId?: string;
  recipientRelation: RecipientRelation;
  kind: NotificationKind;
  createdAt?: Date;
  /** For timed notifications: the same key twice tells once (a job that runs twice). */
  dedupeKey?: string;
}

/**
 * The outbox, and the only way anyone is told anything: inserts the in-app notifications
 * and, for the kinds that are emailed (NOTIFICATION_KINDS), their email deliveries and
 * send jobs, all in the caller's transaction. A rollback tells nobody; a commit delivers
 * even if this process dies the next moment. Returns the notifications actually created
 * (a row whose dedupe key was used before is skipped).
 */
export async function notify(
  tx: Transaction,
  rows: readonly NotificationToSend[],
): Promise<{ id: number; recipientId: string; kind: string }[]> {
  if (rows.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(rows.map((row) => ({ ...row })))
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({
      id: notifications.id,
      recipientId: notifications.recipientId,
      kind: notifications.kind,
    });
  const emailed = created.filter((n) => policyOf(n.kind).email);
  if (emailed.length === 0) return created;
  const deliveries = await tx
    .insert(emailDeliveries)
    .values(
      emailed.map((n) => ({
        idempotencyKey: `notification:${n.id}`,
        notificationId: n.id,
        recipientId: n.recipientId,
        kind: n.kind,
      })),
    )
    .returning({ id: emailDeliveries.id });
  await enqueueEmailDeliveries(
    tx,
    deliveries.map((delivery) => delivery.id),
  );
  return created;
}

/**
 * The send job of one delivery, now or at `runAt` (a retry); a second enqueue of the same
 * delivery replaces the first. Failed sends are retried by the delivery's own schedule
 * (retry-schedule.ts); the queue's own retries only cover a worker that crashed mid-job.
 */
export async function enqueueEmailDelivery(
  tx: Db,
  deliveryId: number,
  runAt?: Date,
): Promise<void> {
  await enqueueEmailDeliveries(tx, [deliveryId], runAt);
}

/** Several deliveries' send jobs in one statement: an escalation tells several officers. */
async function enqueueEmailDeliveries(
  tx: Db,
  deliveryIds: readonly number[],
  runAt?: Date,
): Promise<void> {
  await writeJobChanges(
    tx,
    deliveryIds.map((deliveryId) => ({
      key: `email-delivery:${deliveryId}`,
      add: { task: SEND_EMAIL, payload: { deliveryId }, runAt: runAt ?? null, maxAttempts: 5 },
    })),
  );
}
