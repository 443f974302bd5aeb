import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

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
  const jobKey = `concern-due:${concernId}`;
  if (!dueAt) {
    await tx.execute(sql`select graphile_worker.remove_job(${jobKey})`);
    return;
  }
  await tx.execute(sql`select graphile_worker.add_job(
    ${ADVANCE_DUE_CONCERN},
    json_build_object('concernId', ${concernId}::text),
    run_at := ${dueAt.toISOString()}::timestamptz,
    job_key := ${jobKey},
    job_key_mode := 'replace',
    max_attempts := 10
  )`);
}
