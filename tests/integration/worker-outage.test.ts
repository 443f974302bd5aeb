import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseIfMissing } from "@/db/admin";
import { ensureEmbeddedAppLogin } from "@/db/app-role";
import { connectDatabase, type DatabaseHandle } from "@/db/client";
import { type EmbeddedServer, startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { freePort } from "../support/free-port";
import { insertOfficer } from "./support/concern-factories";
import { insertOverdueConcerns, scheduleDueJobs } from "./support/overdue-concerns";
import { waitUntil } from "./support/wait-until";

// A PostgreSQL of its own, stopped and started under a running worker; the server the
// other test files share is never touched.
let dataDir: string;
let port: number;
let postgres: EmbeddedServer;
let owner: DatabaseHandle;
let appUrl: string;
const OUTAGE_LINE = /The database cannot be reached/g;

// Its own server, whatever DATABASE_URL says: against an external server (CI's second
// integration run) it would prove nothing the first run did not.
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  "a separate worker while its PostgreSQL is stopped and started",
  () => {
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), "peer-concerns-outage-"));
      port = await freePort();
      postgres = await startEmbeddedServer({ dataDir, port });
      await createDatabaseIfMissing(postgres.url(), "peer_concerns");
      await migrateDatabase(postgres.url("peer_concerns"));
      appUrl = await ensureEmbeddedAppLogin(postgres.url("peer_concerns"), dataDir);
      // The test's own connections outlive each restart: the pool replaces lost ones.
      owner = connectDatabase(postgres.url("peer_concerns"), { onConnectionLost: () => {} });
      await insertOfficer(owner.db);
    });

    afterAll(async () => {
      await owner?.pool.end();
      await postgres?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    async function movedCount(ids: string[]): Promise<number> {
      const result = await owner.pool.query<{ n: number }>(
        `select count(*)::int as n from concerns where id = any($1::uuid[])
       and state not in ('awaiting_response', 'remediation_reported', 'disputed')`,
        [ids],
      );
      return result.rows[0]!.n;
    }

    async function dueCases(count: number, tag: string): Promise<string[]> {
      const dueAt = new Date(Date.now() - 60_000);
      const ids = (await insertOverdueConcerns(owner, count, dueAt, tag)).map((row) => row.id);
      await scheduleDueJobs(owner.pool, ids, dueAt);
      return ids;
    }

    it("rides out three restarts in the middle of its work, logs one line per outage, and still runs the next due case", async () => {
      const worker: ChildProcess = spawn(
        process.execPath,
        ["--import", "tsx", "scripts/worker.ts"],
        {
          env: { ...process.env, DATABASE_URL: appUrl, SMTP_URL: "" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let log = "";
      worker.stdout?.on("data", (chunk) => {
        log += chunk;
      });
      worker.stderr?.on("data", (chunk) => {
        log += chunk;
      });
      try {
        const everyCase: string[] = [];
        for (let outage = 1; outage <= 3; outage++) {
          // Busy when the database goes: cases moving, outcomes being recorded.
          const ids = await dueCases(100, `outage-${outage}`);
          everyCase.push(...ids);
          await waitUntil(
            async () => (await movedCount(ids)) > 20,
            120_000,
            "the worker to be at work",
          );
          await postgres.stop();
          await waitUntil(
            async () => (log.match(OUTAGE_LINE)?.length ?? 0) >= outage,
            60_000,
            `the worker to notice outage ${outage}`,
          );
          postgres = await startEmbeddedServer({ dataDir, port });
          // Back at work by itself: every case of this round moves.
          await waitUntil(
            async () => (await movedCount(ids)) === ids.length,
            180_000,
            "the round's cases to move",
          );
        }
        const [next] = await dueCases(1, "after-the-outages");
        await waitUntil(
          async () => (await movedCount([next!])) === 1,
          120_000,
          "the next due case",
        );

        expect(worker.exitCode, log).toBeNull();
        expect(log.match(OUTAGE_LINE), log).toHaveLength(3);
        // Never a job taken twice: every case moved by exactly one transition.
        const events = await owner.pool.query<{ cases: number; events: number }>(
          `select count(distinct entity_id)::int as cases, count(*)::int as events
         from audit_events where entity_id = any($1::text[])`,
          [[...everyCase, next!]],
        );
        expect(events.rows[0]).toEqual({
          cases: everyCase.length + 1,
          events: everyCase.length + 1,
        });
      } catch (error) {
        throw new Error(`${(error as Error).message}\nThe worker's log:\n${log}`);
      } finally {
        if (worker.exitCode === null) {
          const exited = once(worker, "exit");
          worker.kill("SIGTERM");
          await exited;
        }
      }
    }, 600_000);
  },
);
