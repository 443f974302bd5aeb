import type { Db } from "@/db/client";
import { type JobChange, writeJobChanges } from "./job-changes";

export const ADVANCE_DUE_CONCERN = "advance-due-concern";

/**
 * Keeps exactly one durable job per concern, due when its current deadline passes; a
 * later change replaces it (job_key), and a case with no deadline left has none. Written
 * in the caller's transaction, so a rolled-back change schedules nothing.
 */
export async function scheduleDueCheck(
  tx: Db,
  concernId: string,
  dueAt: Date | null,
): Promise<void> {
  await writeJobChanges(tx, [dueCheckJob(concernId, dueAt)]);
}

/** The due-check job a concern should have now, as a change to the queue. */
export function dueCheckJob(concernId: string, dueAt: Date | null): JobChange {
  return {
    key: `concern-due:${concernId}`,
    add: dueAt
      ? { task: ADVANCE_DUE_CONCERN, payload: { concernId }, runAt: dueAt, maxAttempts: 10 }
      : undefined,
  };
}
