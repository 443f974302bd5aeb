import { type Runner, run, type TaskList } from "graphile-worker";
import { connectDatabase } from "@/db/client";
import { problemsOnlyLogger } from "@/db/migrate";
import {
  advanceDueConcern,
  advanceDueConcerns,
} from "@/lib/services/concerns/advance-due-concerns";
import { remindOfficers, remindOverdueOfficers } from "@/lib/services/concerns/remind-officers";
import { ADVANCE_DUE_CONCERN } from "./schedule-due-check";
import { OFFICER_CLOCKS, type OfficerClock, REMIND_OFFICERS } from "./schedule-officer-reminders";

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
    [REMIND_OFFICERS]: async (payload) => {
      const { concernId, clock } = payload as { concernId?: string; clock?: string };
      if (typeof concernId === "string" && OFFICER_CLOCKS.includes(clock as OfficerClock)) {
        await remindOfficers(db, concernId, clock as OfficerClock);
      }
    },
    [SWEEP_DUE_CONCERNS]: async () => {
      await advanceDueConcerns(db);
      await remindOverdueOfficers(db);
    },
  };
  const runner = await run({
    connectionString: databaseUrl,
    concurrency: 2,
    pollInterval: 1000,
    noHandleSignals: true,
    logger: problemsOnlyLogger,
    taskList,
    crontab: `* * * * * ${SWEEP_DUE_CONCERNS}`,
  });
  runner.promise.finally(() => pool.end()).catch(() => {});
  return runner;
}
