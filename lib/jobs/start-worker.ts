import { type Runner, run, type TaskList } from "graphile-worker";
import { connectDatabase } from "@/db/client";
import { problemsOnlyLogger } from "@/db/migrate";
import { ANCHOR_AUDIT_CHAINS, anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import {
  advanceDueConcern,
  advanceDueConcerns,
} from "@/lib/services/concerns/advance-due-concerns";
import { ADVANCE_DUE_CONCERN } from "./schedule-due-check";

const SWEEP_DUE_CONCERNS = "sweep-due-concerns";

/**
 * The timed steps run from durable state: a job per concern at its deadline (scheduled in
 * the transaction that set the deadline), plus a sweep every minute for anything due that
 * no job covers. Both are safe to run on several workers at once.
 */
export async function startWorker(databaseUrl: string): Promise<Runner> {
  const { db, pool } = connectDatabase(databaseUrl, { max: 4 });
  const taskList: TaskList = {
    [ADVANCE_DUE_CONCERN]: async (payload) => {
      const { concernId } = payload as { concernId?: string };
      if (typeof concernId === "string") await advanceDueConcern(db, concernId);
    },
    [SWEEP_DUE_CONCERNS]: async () => {
      await advanceDueConcerns(db);
    },
    [ANCHOR_AUDIT_CHAINS]: async () => {
      const anchor = await anchorAuditChains(db);
      // In the log too, so a copy of each anchor lives outside the database.
      if (anchor) console.log(`[audit] anchor ${anchor.id} sha256 ${anchor.hash}`);
    },
  };
  const runner = await run({
    connectionString: databaseUrl,
    concurrency: 2,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: problemsOnlyLogger,
    taskList,
    // graphile-worker runs each cron slot once across all workers.
    crontab: [`* * * * * ${SWEEP_DUE_CONCERNS}`, `*/15 * * * * ${ANCHOR_AUDIT_CHAINS}`].join("\n"),
  });
  runner.promise.finally(() => pool.end()).catch(() => {});
  return runner;
}
