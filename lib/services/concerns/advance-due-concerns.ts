import type { Database, Transaction } from "@/db/client";
import { concerns } from "@/db/schema";
import { type ConcernEvent, decideTransition } from "@/lib/domain/concern-workflow";
import { isOverdue } from "@/lib/domain/deadlines";
import { waitingOn } from "@/lib/domain/waiting-on";
import { waitIsOver } from "@/lib/queries/due-concerns";
import { loadWorkflowSettings, type WorkflowSettings } from "@/lib/queries/workflow-settings";
import { type ConcernRow, lockConcern } from "./lock-concern";
import { type ConcernChange, planConcernChange, snapshotForRule } from "./plan-concern-change";
import { writeConcernChanges } from "./write-concern-changes";

/**
 * Moves one concern whose deadline has passed (escalated, lapsed, auto-confirmed or
 * dispute accepted): its durable job. Returns false when there was nothing to do: another
 * worker already moved it, someone acted first, or the deadline moved.
 */
export async function advanceDueConcern(
  db: Database,
  concernId: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, concernId, { skipLocked: true });
    if (!concern) return false;
    return (await advanceLockedConcerns(tx, [concern], now)) === 1;
  });
}

/**
 * Cases per sweep transaction. Each batch costs a fixed dozen statements, so larger batches
 * move more cases a second (measured on 100,000 seeded concerns, one batch rolled back:
 * about 2,000 cases/s at 200, 2,700-3,200 at 500 and 1,000). The bound is PostgreSQL's
 * shared lock table: every audit event takes its chain's advisory lock until the commit,
 * so a batch holds one lock per case, and the table has max_locks_per_transaction (64) ×
 * max_connections slots for every session together, 6,400 by default. 500 leaves room for
 * several workers beside the app.
 */
const SWEEP_BATCH = 500;

/**
 * The sweep: every due concern, in batches, each batch one transaction whose rows are
 * locked with SKIP LOCKED, so several workers share the work and none moves a case twice.
 * It catches anything a per-concern job missed (a queue restored from backup, say).
 */
export async function advanceDueConcerns(
  db: Database,
  now = new Date(),
  batchSize = SWEEP_BATCH,
): Promise<number> {
  let moved = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(concerns)
        .where(waitIsOver(now))
        .orderBy(concerns.responseDueAt)
        .limit(batchSize)
        .for("update", { skipLocked: true });
      return { selected: due.length, moved: await advanceLockedConcerns(tx, due, now) };
    });
    moved += batch.moved;
    // A batch that moved nothing would be selected again as it is.
    if (batch.selected < batchSize || batch.moved === 0) return moved;
  }
}

/**
 * Moves the given rows, locked by the caller, whose wait is over, as the system, all in a
 * fixed number of statements (writeConcernChanges); a row whose wait is not over, or whose
 * state changed since it was read, is left alone. Returns how many moved.
 */
export async function advanceLockedConcerns(
  tx: Transaction,
  rows: readonly ConcernRow[],
  now: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const changes = planDueConcerns(rows, await loadWorkflowSettings(tx), now);
  return (await writeConcernChanges(tx, changes, now)).length;
}

/**
 * Pure: for each row whose wait is over, the change its timed event makes, decided by the
 * transition table exactly as for a single case.
 */
export function planDueConcerns(
  rows: readonly ConcernRow[],
  { windows }: WorkflowSettings,
  now: Date,
): ConcernChange[] {
  return rows.flatMap((concern) => {
    const event = dueTimedEvent(concern, now);
    if (!event) return [];
    const decision = decideTransition({
      concern: snapshotForRule(concern),
      event,
      actor: "system",
      now,
      windows,
    });
    if (!decision.ok) return [];
    return [
      planConcernChange({
        concern,
        by: "system",
        event,
        decision,
        now,
        reminderLeadMs: windows.reminderLeadMs,
      }),
    ];
  });
}

/** The timed event that ends the case's current wait, if that wait is over. */
function dueTimedEvent(
  concern: Parameters<typeof waitingOn>[0],
  now: Date,
): ConcernEvent | undefined {
  const wait = waitingOn(concern);
  return wait && isOverdue(wait.dueAt, now) ? { type: wait.timedEvent } : undefined;
}
