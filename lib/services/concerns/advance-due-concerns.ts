import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { concerns } from "@/db/schema";
import type { ConcernEvent, ConcernState } from "@/lib/domain/concern-workflow";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { applyToLockedConcern } from "./apply-concern-event";

/** The timed event that applies to a concern waiting in each state. */
const TIMED_EVENT: Partial<Record<ConcernState, ConcernEvent>> = {
  awaiting_response: { type: "response_deadline_passed" },
  remediation_reported: { type: "confirmation_window_passed" },
  disputed: { type: "dispute_window_passed" },
};

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
    const [concern] = await tx
      .select()
      .from(concerns)
      .where(eq(concerns.id, concernId))
      .for("update", { skipLocked: true });
    const event = concern && TIMED_EVENT[concern.state];
    if (!concern || !event || !isDue(concern, now)) return false;
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
        .where(
          sql`(${concerns.state} = 'awaiting_response' and ${concerns.responseDueAt} <= ${now})
            or (${concerns.state} in ('remediation_reported', 'disputed') and ${concerns.confirmationDueAt} <= ${now})`,
        )
        .orderBy(concerns.responseDueAt)
        .limit(batchSize)
        .for("update", { skipLocked: true });
      const settings = await loadWorkflowSettings(tx);
      for (const concern of due) {
        await applyToLockedConcern(
          tx,
          concern,
          "system",
          TIMED_EVENT[concern.state]!,
          now,
          settings,
        );
      }
      return due.length;
    });
    moved += movedInBatch;
    if (movedInBatch < batchSize) return moved;
  }
}

function isDue(concern: typeof concerns.$inferSelect, now: Date): boolean {
  const due =
    concern.state === "awaiting_response" ? concern.responseDueAt : concern.confirmationDueAt;
  return due !== null && due.getTime() <= now.getTime();
}
