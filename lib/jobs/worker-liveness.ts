import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "@/db/client";

/**
 * graphile-worker 0.17 locks a job with the id of the worker pool running it and, if that
 * pool's process dies (SIGKILL, power loss, a crash mid-job), leaves the job locked for
 * four hours before anyone may run it again: a notice email would wait that long.
 *
 * So every pool of ours holds, for as long as it runs, a shared advisory lock named after
 * its id, on a connection of its own process. PostgreSQL drops that lock the moment the
 * process's connection ends, so a job locked by a pool whose lock nobody holds belongs to
 * a worker that is gone, and any worker may release it (releaseJobsOfGonePools).
 */
const POOL_LOCK_SPACE = 0x7063776b; // "pcwk": the first key of pg_advisory_lock(int, int)

/**
 * A pool counts as gone only when its lock has been missing for this long, and never in
 * the first seconds after PostgreSQL started: a live pool takes its lock within
 * milliseconds of starting, and a live process takes its locks again within seconds of
 * the database coming back (PoolLocks reconnects every two seconds at most).
 */
export const GONE_AFTER_SECONDS = 15;

export interface PoolLocks {
  /** Resolves once connected and holding the lock of every registered pool. */
  ready(): Promise<void>;
  register(poolId: string): void;
  unregister(poolId: string): void;
  close(): Promise<void>;
}

/** The process's own connection that holds the locks of its running pools. */
export function holdPoolLocks(databaseUrl: string, onLost: (error: Error) => void): PoolLocks {
  const pools = new Set<string>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const lock = (on: pg.Client, poolId: string) =>
    on.query("select pg_advisory_lock_shared($1::int, hashtext($2))", [POOL_LOCK_SPACE, poolId]);

  const lose = (lost: pg.Client, error: Error) => {
    if (client !== lost) return;
    client = null;
    onLost(error);
    if (!closed) void ready();
  };

  async function connect(): Promise<void> {
    let delay = 100;
    while (!closed) {
      const candidate = new pg.Client({
        connectionString: databaseUrl,
        keepAlive: true,
        connectionTimeoutMillis: 5000,
      });
      candidate.on("error", (error) => lose(candidate, error));
      candidate.on("end", () => lose(candidate, new Error("Connection terminated")));
      try {
        await candidate.connect();
        for (const poolId of pools) await lock(candidate, poolId);
        client = candidate;
        return;
      } catch (error) {
        onLost(error as Error);
        await candidate.end().catch(() => {});
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 2000);
      }
    }
  }

  function ready(): Promise<void> {
    if (client) return Promise.resolve();
    connecting ??= connect().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    ready,
    register(poolId) {
      pools.add(poolId);
      // Taken again with the others if the connection is replaced meanwhile.
      if (client) lock(client, poolId).catch(() => {});
    },
    unregister(poolId) {
      pools.delete(poolId);
      client
        ?.query("select pg_advisory_unlock_shared($1::int, hashtext($2))", [
          POOL_LOCK_SPACE,
          poolId,
        ])
        .catch(() => {});
    },
    async close() {
      closed = true;
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

/**
 * Releases the jobs of pools that are gone, so another worker runs them now rather than
 * in four hours. Returns how many jobs each released pool held. Safe on any number of
 * workers at once: releasing a gone pool twice does nothing the second time.
 */
export async function releaseJobsOfGonePools(db: Db): Promise<{ poolId: string; jobs: number }[]> {
  const gone = await db.execute<{ pool_id: string; jobs: number }>(sql`
    select j.locked_by as pool_id, count(*)::int as jobs
    from graphile_worker._private_jobs j
    where j.locked_by is not null
      and j.locked_at < now() - make_interval(secs => ${GONE_AFTER_SECONDS})
      and pg_postmaster_start_time() < now() - make_interval(secs => ${GONE_AFTER_SECONDS})
      and not exists (
        select 1 from pg_locks l
        where l.locktype = 'advisory' and l.granted and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = ${POOL_LOCK_SPACE}::int::oid
          and l.objid = hashtext(j.locked_by)::oid)
    group by j.locked_by`);
  if (gone.rows.length === 0) return [];
  await forceUnlockPools(
    db,
    gone.rows.map((row) => row.pool_id),
  );
  return gone.rows.map((row) => ({ poolId: row.pool_id, jobs: row.jobs }));
}

/** graphile-worker's own release, for pools known to have stopped. */
export async function forceUnlockPools(db: Db, poolIds: string[]): Promise<void> {
  await db.execute(sql`select graphile_worker.force_unlock_workers(${sql.param(poolIds)}::text[])`);
}
