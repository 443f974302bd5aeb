import type { JobChange } from "./job-changes";

export const ADVANCE_DUE_CONCERN = "advance-due-concern";

/**
 * The due-check job a concern should have now, as a change to the queue: exactly one
 * durable job per concern, due when its current deadline passes; a later change replaces
 * it (job_key), and a case with no deadline left has none. Written by writeJobChanges in
 * the change's own transaction, so a rolled-back change schedules nothing.
 */
export function dueCheckJob(concernId: string, dueAt: Date | null): JobChange {
  return {
    key: `concern-due:${concernId}`,
    add: dueAt
      ? { task: ADVANCE_DUE_CONCERN, payload: { concernId }, runAt: dueAt, maxAttempts: 10 }
      : undefined,
  };
}
