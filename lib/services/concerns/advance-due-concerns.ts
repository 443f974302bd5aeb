import type { Database } from "@/db/client";
import { concerns } from "@/db/schema";
import type { ConcernEvent } from "@/lib/domain/concern-workflow";
import { isOverdue } from "@/lib/domain/deadlines";
import { waitingOn } from "@/lib/domain/waiting-on";
import { waitIsOver } from "@/lib/queries/due-concerns";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { applyToLockedConcern } from "./apply-concern-event";
import { lockConcern } from "./lock-concern";

/**
 * Moves one concern whose deadline has passed (escalated, lapsed, auto-confirmed or
 * dispute accepted). Returns false when there was nothing to do: another worker already
 * moved it, someone acted first, or the deadline moved.
 */
export async function advanceDueConcern(
  db: Database,
  concernId: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, concernId, { skipLocked: true });
    const event = concern && dueTimedEvent(concern, now);
    if (!concern || !event) return false;
    await applyToLockedConcern(tx, concern, "system", event, now);
    return true;
  });
}

/**
 * The sweep: every due concern, in batches, each batch one transaction whose rows are
 * locked with SKIP LOCKED, so several workers share the work and none moves a case twice.
 * It catches anything a per-concern job missed (a queue restored from backup, say).
 */
export async function advanceDueConcerns(
  db: Database,
  now = new Date(),
  batchSize = 200,
): Promise<number> {
  let moved = 0;
  for (;;) {
    const movedInBatch = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(concerns)
        .where(waitIsOver(now))
        .orderBy(concerns.responseDueAt)
        .limit(batchSize)
        .for("update", { skipLocked: true });
      const settings = await loadWorkflowSettings(tx);
      for (const concern of due) {
        const event = dueTimedEvent(concern, now);
        if (event) await applyToLockedConcern(tx, concern, "system", event, now, settings);
      }
      return due.length;
    });
    moved += movedInBatch;
    if (movedInBatch < batchSize) return moved;
  }
}

/** The timed event that ends the case's current wait, if that wait is over. */
function dueTimedEvent(
  concern: Parameters<typeof waitingOn>[0],
  now: Date,
): ConcernEvent | undefined {
  const wait = waitingOn(concern);
  return wait && isOverdue(wait.dueAt, now) ? { type: wait.timedEvent } : undefined;
}
