import { EventEmitter } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { type Runner, run, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { connectDatabase } from "@/db/client";
import { probeDatabase } from "@/db/probe-database";
import { isDatabaseUnreachable } from "@/db/reachability";
import { ANCHOR_AUDIT_CHAINS } from "@/lib/audit/anchor-audit-chains";
import { type MailMode, mailSettings } from "@/lib/notifications/mail-config";
import { mailerFor } from "@/lib/notifications/mailer";
import { createTaskList, PURGE_SECURITY_LOG, SWEEP_DUE_CONCERNS } from "./task-list";
import { forceUnlockPools, holdPoolLocks, releaseJobsOfGonePools } from "./worker-liveness";
import { createOutageLog, quietenWorkerTraces, workerLogger } from "./worker-outage";

// How often each worker looks for jobs that a worker that is gone still holds.
const GONE_POOL_CHECK_MS = 30_000;
// Waits between attempts to reach the database again: doubling, at most this.
const RETRY_MAX_MS = 10_000;
// How long a runner whose workers have all stopped gets to finish stopping (see below).
const RUNNER_WIND_DOWN_MS = 3_000;
// graphile-worker's default for the connections of a runner.
const JOB_POOL_SIZE = 10;
// graphile-worker exits with this when another version migrated the queue incompatibly.
const BREAKING_MIGRATION_EXIT_CODE = 57;

export interface RunningWorker {
  /** Finishes the jobs under way, then stops. */
  stop(): Promise<void>;
  /** Rejects if the worker stops for good without being asked to. */
  readonly failed: Promise<never>;
}

interface RunnerRecord {
  runner: Runner;
  /** The connections it runs jobs on, ended once it has stopped. */
  jobPool: pg.Pool;
  /** The worker pools it created; their ids are what its jobs are locked by. */
  pools: Set<string>;
  /** What made its pool stop, as reported when it happened (the runner resolves anyway). */
  readonly fatal: { error: unknown } | null;
  /** Resolves once every one of its workers has stopped: no job of it runs any more. */
  workersStopped: Promise<void>;
}

/**
 * The durable work runs from the job queue: a job per concern at its deadline and its
 * reminder (scheduled in the transaction that set them), an email job per delivery
 * (written with the notification), plus a sweep every minute for anything due that no
 * job covers. All are safe to run on several workers at once.
 *
 * The worker keeps itself running across database outages and restarts, with no
 * supervisor: graphile-worker's runner stops when it cannot record a job's outcome, so
 * this starts a new one once the database answers (backing off), after releasing the
 * jobs the stopped one held, which nothing runs meanwhile. Jobs that a worker killed
 * outright still holds are released by the others (worker-liveness.ts). One line is
 * logged per outage (worker-outage.ts).
 */
export async function startWorker(
  databaseUrl: string,
  mailMode: MailMode,
  options: { log?: (line: string) => void } = {},
): Promise<RunningWorker> {
  const log = options.log ?? ((line: string) => console.error(line));
  quietenWorkerTraces();
  const outage = createOutageLog(log, () => probeDatabase(databaseUrl));
  const { db, pool } = connectDatabase(databaseUrl, {
    max: 4,
    onConnectionLost: outage.noteUnreachable,
  });
  const poolLocks = holdPoolLocks(databaseUrl, outage.noteUnreachable);
  const taskList = createTaskList(db, mailerFor(mailMode, db), mailSettings());
  // Pools of runners that stopped without releasing their jobs; released before the next.
  const stoppedPools = new Set<string>();
  const stopping = new AbortController();
  const stopRequested = new Promise<void>((resolve) =>
    stopping.signal.addEventListener("abort", () => resolve(), { once: true }),
  );
  let current: RunnerRecord | null = null;
  let failWith: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    failWith = reject;
  });
  failed.catch(() => {});

  async function startRunner(): Promise<RunnerRecord> {
    // The pools' locks first: another worker must never take this one's jobs for orphans.
    await Promise.race([poolLocks.ready(), stopRequested]);
    if (stopping.signal.aborted) throw new Error("The worker is stopping.");
    if (stoppedPools.size > 0) {
      await forceUnlockPools(db, [...stoppedPools]);
      stoppedPools.clear();
    }
    const pools = new Set<string>();
    let fatal: RunnerRecord["fatal"] = null;
    let workersStopped = () => {};
    const events: WorkerEvents = new EventEmitter();
    events.on("pool:create", ({ workerPool }) => {
      pools.add(workerPool.id);
      poolLocks.register(workerPool.id);
    });
    // It could not record a job's outcome: the pool is about to stop.
    events.on("pool:fatalError", ({ error }) => {
      fatal ??= { error };
    });
    for (const done of [
      "pool:gracefulShutdown:complete",
      "pool:gracefulShutdown:error",
      "pool:forcefulShutdown:complete",
      "pool:forcefulShutdown:error",
    ] as const) {
      events.on(done, () => workersStopped());
    }
    events.on("worker:getJob:error", ({ error }) => {
      if (isDatabaseUnreachable(error)) outage.noteUnreachable(error);
    });
    events.on("worker:getJob:empty", outage.noteReachable);
    events.on("job:start", outage.noteReachable);
    const stopped = new Promise<void>((resolve) => {
      workersStopped = resolve;
    });
    // The runner's connections are a pool of ours, which listens for a dropped connection
    // for as long as it lives. graphile-worker's own pool stops listening just before it
    // is ended as its runner stops; a connection the restarting database cut in that gap
    // went unheard and killed the process (seen when PostgreSQL restarted mid-work).
    const { pool: jobPool } = connectDatabase(databaseUrl, {
      max: JOB_POOL_SIZE,
      onConnectionLost: outage.noteUnreachable,
    });
    const runner = await run({
      pgPool: jobPool,
      concurrency: 2,
      pollInterval: 1000,
      noHandleSignals: true,
      logger: workerLogger(outage, () => isDatabaseUnreachable(fatal?.error)),
      events,
      taskList,
      // graphile-worker runs each cron slot once across all workers.
      crontab: [
        `* * * * * ${SWEEP_DUE_CONCERNS}`,
        `*/15 * * * * ${ANCHOR_AUDIT_CHAINS}`,
        `17 3 * * * ${PURGE_SECURITY_LOG}`,
      ].join("\n"),
      // Recording a job's outcome in a batch makes a failure to record it (the database
      // went away) stop the runner, which is then replaced; without batching
      // graphile-worker 0.17 leaves that failure unhandled and the process exits.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    }).catch((error: unknown) => {
      jobPool.end().catch(() => {});
      throw error;
    });
    outage.noteReachable();
    return {
      runner,
      jobPool,
      pools,
      get fatal() {
        return fatal;
      },
      workersStopped: stopped,
    };
  }

  /**
   * Resolves with why the runner ended. graphile-worker 0.17's batching can miscount
   * after two failed batches and then never finish stopping (its runner's promise never
   * settles), so a runner whose workers have all stopped is taken for ended shortly
   * after, and told to stop, which ends its cron.
   */
  async function ended(record: RunnerRecord): Promise<unknown> {
    return Promise.race([
      record.runner.promise.then(
        () => record.fatal?.error ?? null,
        (error: unknown) => record.fatal?.error ?? error,
      ),
      record.workersStopped
        .then(() => sleep(RUNNER_WIND_DOWN_MS))
        .then(() => {
          record.runner.stop().catch(() => {});
          return record.fatal?.error ?? null;
        }),
    ]);
  }

  /** Starts a runner, waiting for the database as long as it cannot be reached. */
  async function startRunnerWhenReachable(firstStart: boolean): Promise<RunnerRecord | null> {
    let delay = 500;
    for (;;) {
      try {
        const started = await startRunner();
        if (!stopping.signal.aborted) return started;
        await started.runner.stop().catch(() => {});
        endJobPool(started);
        return null;
      } catch (error) {
        if (stopping.signal.aborted) return null;
        // A first start that fails for another reason (a wrong password, no such
        // database) is a setup mistake: say so rather than retry forever.
        if (firstStart && !isDatabaseUnreachable(error)) throw error;
        if (isDatabaseUnreachable(error)) outage.noteUnreachable(error);
        else log(`[worker] Could not start (${(error as Error).message}); trying again.`);
      }
      if (!(await pause(delay))) return null;
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  /** Waits about `ms` (jittered, so workers do not return in step); false if stopped meanwhile. */
  async function pause(ms: number): Promise<boolean> {
    await sleep(ms * (0.75 + Math.random() / 2), undefined, { signal: stopping.signal }).catch(
      () => {},
    );
    return !stopping.signal.aborted;
  }

  async function supervise(): Promise<void> {
    let restartDelay = 500;
    while (current) {
      const startedAt = Date.now();
      const cause = await ended(current);
      endJobPool(current);
      // Every worker of that runner has stopped: what its pools still hold is no one's.
      for (const poolId of current.pools) {
        poolLocks.unregister(poolId);
        stoppedPools.add(poolId);
      }
      if (stopping.signal.aborted) return;
      if (process.exitCode === BREAKING_MIGRATION_EXIT_CODE) {
        failWith(new Error("The job queue was migrated by a newer version; this worker stopped."));
        return;
      }
      // An outage was accounted for when it happened.
      if (!isDatabaseUnreachable(cause) && !outage.down) {
        log(`[worker] The job runner stopped (${String(cause)}); restarting it.`);
      }
      // A runner that stops again at once is not restarted in a tight loop.
      restartDelay =
        Date.now() - startedAt < 10_000 ? Math.min(restartDelay * 2, RETRY_MAX_MS) : 500;
      if (!(await pause(restartDelay))) return;
      current = await startRunnerWhenReachable(false);
      if (current) void releaseGone();
    }
  }

  /** Not waited for: a connection a stuck runner never gave back must not hold this up. */
  function endJobPool(record: RunnerRecord): void {
    record.jobPool.end().catch(() => {});
  }

  /** Releases the jobs of workers that are gone (this process's own old runners' too). */
  async function releaseGone(): Promise<void> {
    try {
      for (const { poolId, jobs } of await releaseJobsOfGonePools(db)) {
        log(`[worker] Released ${jobs} job(s) held by a worker that is gone (${poolId}).`);
      }
    } catch (error) {
      if (isDatabaseUnreachable(error)) outage.noteUnreachable(error);
    }
  }

  current = await startRunnerWhenReachable(true);
  const supervision = supervise();
  void releaseGone();
  const goneCheck = setInterval(() => void releaseGone(), GONE_POOL_CHECK_MS);
  goneCheck.unref();

  return {
    async stop() {
      stopping.abort();
      clearInterval(goneCheck);
      const last = current;
      if (last) {
        await Promise.race([
          last.runner.stop().catch(() => {}),
          last.workersStopped.then(() => sleep(RUNNER_WIND_DOWN_MS)),
        ]);
      }
      await supervision;
      await poolLocks.close();
      await pool.end().catch(() => {});
    },
    failed,
  };
}
