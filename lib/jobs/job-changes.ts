import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * One keyed durable job, as a change to the queue: added (replacing the job of the same key)
 * when `add` is set, removed otherwise. The schedule-* helpers decide these as plain values,
 * so one case and a batch of cases write the same jobs under the same keys.
 */
export interface JobChange {
  key: string;
  add?: {
    task: string;
    payload: Record<string, unknown>;
    /** Null: now, by the database's clock. */
    runAt: Date | null;
    maxAttempts: number;
  };
}

/**
 * Writes the changes in the caller's transaction, in at most two statements whatever their
 * number: graphile_worker.add_jobs for the additions (add_job's 'replace' mode is a call of
 * it with one job, so a job of the same key is replaced, or superseded if it is running) and
 * remove_job for each removal whose key has a job. Keys must be distinct within one call.
 */
export async function writeJobChanges(tx: Db, changes: readonly JobChange[]): Promise<void> {
  const additions = changes.flatMap(({ key, add }) =>
    add
      ? [
          {
            identifier: add.task,
            payload: add.payload,
            run_at: add.runAt?.toISOString() ?? null,
            max_attempts: add.maxAttempts,
            job_key: key,
          },
        ]
      : [],
  );
  const removals = changes.filter((change) => !change.add).map((change) => change.key);
  if (additions.length > 0) {
    // Counted, so the jobs written are not sent back.
    await tx.execute(sql`select count(*) from graphile_worker.add_jobs(array(
      select row(spec.identifier, spec.payload, null, spec.run_at, spec.max_attempts,
                 spec.job_key, null, null)::graphile_worker.job_spec
      from jsonb_to_recordset(${JSON.stringify(additions)}::jsonb) as spec(
        identifier text, payload json, run_at timestamptz, max_attempts integer, job_key text)
    ))`);
  }
  if (removals.length > 0) {
    // Only keys that have a job: most cases have no reminder left to remove, say.
    await tx.execute(sql`select count(graphile_worker.remove_job(job.key))
      from graphile_worker.jobs as job
      where job.key in (select jsonb_array_elements_text(${JSON.stringify(removals)}::jsonb))`);
  }
}
