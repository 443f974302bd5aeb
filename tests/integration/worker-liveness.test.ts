import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import {
  GONE_AFTER_SECONDS,
  holdPoolLocks,
  type PoolLocks,
  releaseJobsOfGonePools,
} from "@/lib/jobs/worker-liveness";
import { withFreshDatabase } from "./support/fresh-database";
import { waitUntil } from "./support/wait-until";

const database = withFreshDatabase();
const held: PoolLocks[] = [];
afterEach(async () => {
  for (const locks of held.splice(0)) await locks.close();
  // Each test's jobs are its own: the next test starts from an empty queue.
  await withAdminClient(database.url, (owner) =>
    owner.query("delete from graphile_worker._private_jobs"),
  );
});

/** A job locked by `poolId` since `secondsAgo`, as graphile-worker locks one it runs. */
async function jobLockedBy(poolId: string, secondsAgo: number): Promise<string> {
  return withAdminClient(database.url, async (owner) => {
    const added = await owner.query<{ id: string }>(
      "select id from graphile_worker.add_job('send-email', '{}'::json)",
    );
    const id = added.rows[0]!.id;
    await owner.query(
      `update graphile_worker._private_jobs
       set locked_by = $2, locked_at = now() - make_interval(secs => $3), attempts = 1
       where id = $1`,
      [id, poolId, secondsAgo],
    );
    return id;
  });
}

async function lockOf(jobId: string): Promise<string | null> {
  const result = await database.pool.query<{ locked_by: string | null }>(
    "select locked_by from graphile_worker.jobs where id = $1",
    [jobId],
  );
  return result.rows[0]!.locked_by;
}

async function poolLocksFor(...poolIds: string[]): Promise<PoolLocks> {
  const locks = holdPoolLocks(database.url, () => {});
  held.push(locks);
  for (const poolId of poolIds) locks.register(poolId);
  await locks.ready();
  return locks;
}

// Right after PostgreSQL starts no pool counts as gone (live workers are reconnecting):
// this file's server may be younger than that.
async function untilTheServerIsOlderThanTheGrace(): Promise<void> {
  const result = await database.pool.query<{ age: number }>(
    "select extract(epoch from now() - pg_postmaster_start_time())::float as age",
  );
  const wait = (GONE_AFTER_SECONDS + 1 - result.rows[0]!.age) * 1000;
  if (wait > 0) await sleep(wait);
}

describe("releasing the jobs of workers that are gone", () => {
  it("releases the jobs of a pool whose process holds no lock, and only those", async () => {
    await untilTheServerIsOlderThanTheGrace();
    await poolLocksFor("pool-alive");
    const alive = await jobLockedBy("pool-alive", 600);
    const gone = await jobLockedBy("pool-gone", 600);
    const goneAlso = await jobLockedBy("pool-gone", 60);

    expect(await releaseJobsOfGonePools(database.db)).toEqual([{ poolId: "pool-gone", jobs: 2 }]);
    expect(await lockOf(alive)).toBe("pool-alive");
    expect(await lockOf(gone)).toBeNull();
    expect(await lockOf(goneAlso)).toBeNull();
  });

  it("never releases a job locked a moment ago, whose pool may still be taking its lock", async () => {
    await untilTheServerIsOlderThanTheGrace();
    const fresh = await jobLockedBy("pool-starting", 1);
    expect(await releaseJobsOfGonePools(database.db)).toEqual([]);
    expect(await lockOf(fresh)).toBe("pool-starting");
  });

  it("releases a pool's jobs once its process is gone (its lock connection closed)", async () => {
    await untilTheServerIsOlderThanTheGrace();
    const locks = await poolLocksFor("pool-about-to-die");
    const job = await jobLockedBy("pool-about-to-die", 600);
    expect(await releaseJobsOfGonePools(database.db)).toEqual([]);
    await locks.close();
    expect(await releaseJobsOfGonePools(database.db)).toEqual([
      { poolId: "pool-about-to-die", jobs: 1 },
    ]);
    expect(await lockOf(job)).toBeNull();
  });

  it("keeps a pool's lock across its connection being cut: it takes it again on a new one", async () => {
    await untilTheServerIsOlderThanTheGrace();
    await poolLocksFor("pool-reconnecting");
    const job = await jobLockedBy("pool-reconnecting", 600);
    const holder = async () =>
      (
        await database.pool.query<{ pid: number }>(
          "select pid from pg_locks where locktype = 'advisory' and granted and objid = hashtext('pool-reconnecting')::oid",
        )
      ).rows[0]?.pid;
    const cut = await holder();
    await withAdminClient(database.url, (owner) =>
      owner.query("select pg_terminate_backend($1)", [cut]),
    );
    // The lock is gone for a moment; the pool's process takes it again on a new
    // connection within seconds.
    await waitUntil(
      async () => {
        const now = await holder();
        return now !== undefined && now !== cut;
      },
      10_000,
      "the pool's lock to be taken again",
    );
    const released = await releaseJobsOfGonePools(database.db);
    expect(released).toEqual([]);
    expect(await lockOf(job)).toBe("pool-reconnecting");
  });
});
