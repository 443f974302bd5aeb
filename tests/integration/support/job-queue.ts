import { sql } from "drizzle-orm";
import { Logger, runOnce, type TaskList } from "graphile-worker";
import type { Pool } from "pg";
import type { Database } from "@/db/client";

const quiet = new Logger(() => () => {});

/** Runs every job that is due now, with the real task list, until the queue has none left. */
export async function runDueJobs(pool: Pool, taskList: TaskList): Promise<void> {
  // The test's own pool: it has an error listener and is closed with the database.
  await runOnce({ pgPool: pool, taskList, logger: quiet, concurrency: 1 });
  // runOnce can return while a failed job's release is still on its way to the
  // database; wait for it, so the next step sees the queue as the worker left it.
  for (let i = 0; i < 500; i++) {
    const locked = await pool.query(
      "select 1 from graphile_worker.jobs where locked_at is not null limit 1",
    );
    if (locked.rowCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("A job stayed locked after the worker finished.");
}

/**
 * Moves every waiting job (retries after backoff, future reminders of these tasks) to now:
 * the test's clock jumps forward instead of sleeping through real backoff.
 */
export async function makeWaitingJobsDue(db: Database, tasks: string[]): Promise<void> {
  await db.execute(sql`select graphile_worker.reschedule_jobs(
    array(select id from graphile_worker.jobs
          where task_identifier in ${tasks} and locked_at is null),
    run_at := now())`);
}

export async function queuedJobs(db: Database, task: string) {
  const result = await db.execute<{
    id: string;
    key: string | null;
    run_at: Date;
    attempts: number;
    max_attempts: number;
    payload: unknown;
  }>(
    sql`select id, key, run_at, attempts, max_attempts from graphile_worker.jobs where task_identifier = ${task} order by id`,
  );
  return result.rows;
}

/** Moves one keyed job (a case's reminder, say) to now. */
export async function makeJobDue(db: Database, jobKey: string): Promise<void> {
  await db.execute(sql`select graphile_worker.reschedule_jobs(
    array(select id from graphile_worker.jobs where key = ${jobKey}),
    run_at := now())`);
}
