import { sql } from "drizzle-orm";
import type { Db, Transaction } from "@/db/client";
import { emailDeliveries, notifications } from "@/db/schema";
import { writeJobChanges } from "@/lib/jobs/job-changes";
import type { RecipientRelation } from "./describe-notification";
import { type NotificationKind, policyOf } from "./notification-kinds";

export const SEND_EMAIL = "send-email";
/** A delivery's send job: its key (so a second enqueue replaces it) and the queue's attempts. */
const SEND_JOB_KEY_PREFIX = "email-delivery:";
const SEND_ATTEMPTS = 5;

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
 * send jobs, all in the caller's transaction and in one statement however many there are
 * (an escalation tells several officers; the deadline sweep, hundreds of people). A
 * rollback tells nobody; a commit delivers even if this process dies the next moment.
 * Returns the notifications actually created (a row whose dedupe key was used before is
 * skipped, and neither emailed).
 */
export async function notify(
  tx: Transaction,
  rows: readonly NotificationToSend[],
): Promise<{ id: number; recipientId: string; kind: string }[]> {
  if (rows.length === 0) return [];
  const input = rows.map((row) => ({
    recipient_id: row.recipientId,
    concern_id: row.concernId,
    pattern_review_id: row.patternReviewId ?? null,
    recipient_relation: row.recipientRelation,
    kind: row.kind,
    created_at: row.createdAt?.toISOString() ?? null,
    dedupe_key: row.dedupeKey ?? null,
  }));
  const emailedKinds = [...new Set(rows.map((row) => row.kind))].filter(
    (kind) => policyOf(kind).email,
  );
  const created = await tx.execute<{ id: string; recipient_id: string; kind: string }>(sql`
    with created as (
      insert into ${notifications}
        (recipient_id, concern_id, pattern_review_id, recipient_relation, kind, created_at, dedupe_key)
      select wanted.recipient_id, wanted.concern_id, wanted.pattern_review_id,
             wanted.recipient_relation, wanted.kind, coalesce(wanted.created_at, now()),
             wanted.dedupe_key
      from rows from (jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as (
        recipient_id uuid, concern_id uuid, pattern_review_id uuid, recipient_relation text,
        kind text, created_at timestamptz, dedupe_key text)) with ordinality as wanted(
        recipient_id, concern_id, pattern_review_id, recipient_relation, kind, created_at,
        dedupe_key, position)
      order by wanted.position
      on conflict (dedupe_key) do nothing
      returning id, recipient_id, kind
    ), deliveries as (
      insert into ${emailDeliveries} (idempotency_key, notification_id, recipient_id, kind)
      select 'notification:' || id, id, recipient_id, kind from created
      where kind in (select jsonb_array_elements_text(${JSON.stringify(emailedKinds)}::jsonb))
      returning id
    ), send_jobs as (
      -- Referenced below, so it runs; it adds nothing when nothing is emailed.
      select count(*) from graphile_worker.add_jobs(array(
        select row(${SEND_EMAIL}::text, json_build_object('deliveryId', id), null, null,
                   ${SEND_ATTEMPTS}::int, ${SEND_JOB_KEY_PREFIX}::text || id, null, null)::graphile_worker.job_spec
        from deliveries))
      where exists (select 1 from deliveries)
    )
    select id, recipient_id, kind from created where (select count(*) from send_jobs) >= 0`);
  return created.rows.map((row) => ({
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
  await writeJobChanges(tx, [
    {
      key: `${SEND_JOB_KEY_PREFIX}${deliveryId}`,
      add: {
        task: SEND_EMAIL,
        payload: { deliveryId },
        runAt: runAt ?? null,
        maxAttempts: SEND_ATTEMPTS,
      },
    },
  ]);
}
