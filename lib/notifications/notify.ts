import { sql } from "drizzle-orm";
import type { Db, Transaction } from "@/db/client";
import { emailDeliveries, notifications } from "@/db/schema";
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
 * send jobs, all in the caller's transaction and in one statement, so telling people costs
 * one round trip whatever the number told. A rollback tells nobody; a commit delivers even
 * if this process dies the next moment. Returns the notifications actually created (a row
 * whose dedupe key was used before is skipped).
 */
export async function notify(
  tx: Transaction,
  rows: readonly NotificationToSend[],
): Promise<{ id: number; recipientId: string; kind: string }[]> {
  if (rows.length === 0) return [];
  const emailedKinds = [...new Set(rows.map((row) => row.kind))].filter(
    (kind) => policyOf(kind).email,
  );
  const payload = rows.map((row, position) => ({
    ord: position,
    recipient_id: row.recipientId,
    concern_id: row.concernId,
    pattern_review_id: row.patternReviewId ?? null,
    recipient_relation: row.recipientRelation,
    kind: row.kind,
    created_at: row.createdAt?.toISOString() ?? null,
    dedupe_key: row.dedupeKey ?? null,
  }));
  // The send jobs are counted so the statement cannot skip the CTE that queues them.
  const { rows: created } = await tx.execute<{ id: string; recipient_id: string; kind: string }>(
    sql`with created as (
          insert into ${notifications} (recipient_id, concern_id, pattern_review_id,
                                        recipient_relation, kind, created_at, dedupe_key)
          select recipient_id, concern_id, pattern_review_id, recipient_relation, kind,
                 coalesce(created_at, now()), dedupe_key
            from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as given(
                   ord int, recipient_id uuid, concern_id uuid, pattern_review_id uuid,
                   recipient_relation text, kind text, created_at timestamptz, dedupe_key text)
           order by ord
          on conflict (dedupe_key) do nothing
          returning id, recipient_id, kind
        ),
        deliveries as (
          insert into ${emailDeliveries} (idempotency_key, notification_id, recipient_id, kind)
          select 'notification:' || id, id, recipient_id, kind
            from created
           where kind = any(${`{${emailedKinds.join(",")}}`}::text[])
           order by id
          returning id
        ),
        jobs as (
          select graphile_worker.add_job(
            ${SEND_EMAIL},
            json_build_object('deliveryId', id),
            job_key := 'email-delivery:' || id,
            job_key_mode := 'replace',
            max_attempts := 5
          ) from deliveries
        )
        select id, recipient_id, kind, (select count(*) from jobs) as jobs
          from created order by id`,
  );
  return created.map((row) => ({
    id: Number(row.id),
    recipientId: row.recipient_id,
    kind: row.kind,
  }));
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
  await tx.execute(sql`select graphile_worker.add_job(
    ${SEND_EMAIL},
    json_build_object('deliveryId', delivery_id),
    run_at := ${runAt?.toISOString() ?? null}::timestamptz,
    job_key := 'email-delivery:' || delivery_id,
    job_key_mode := 'replace',
    max_attempts := 5
  ) from unnest(${`{${deliveryIds.join(",")}}`}::bigint[]) as delivery_id`);
}
