import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { SWEEP_DUE_CONCERNS } from "@/lib/jobs/task-list";
import { freePort } from "../support/free-port";
import { withAppLogin } from "./support/app-login";
import { fileAbout, insertOfficer } from "./support/concern-factories";
import { insertPerson } from "./support/factories";
import { withFreshDatabase } from "./support/fresh-database";
import { insertOverdueConcerns, scheduleDueJobs } from "./support/overdue-concerns";
import { waitUntil } from "./support/wait-until";

const database = withFreshDatabase();
const appLogin = withAppLogin(database);
const CASES = 1500;

describe("a worker killed with SIGKILL in the middle of its work", () => {
  it("leaves no case half-changed, and the next worker moves every remaining case exactly once", async () => {
    await insertOfficer(database.db);
    const dueAt = new Date("2026-01-01T00:00:00.000Z");
    const ids = (await insertOverdueConcerns(database, CASES, dueAt, "killed")).map((r) => r.id);
    // Each case's own deadline job, as filing schedules it, and a sweep that takes the
    // due cases in batches, each batch one transaction.
    await scheduleDueJobs(database.pool, ids, dueAt);
    await database.pool.query("select graphile_worker.add_job($1)", [SWEEP_DUE_CONCERNS]);

    const first = startWorkerProcess();
    // Past the first sweep batch, and with one of its transactions open.
    await waitUntil(
      async () => (await movedCount(ids)) > 250 && (await openTransactionsOfTheWorkerLogin()) > 0,
      120_000,
      "the first worker to be in the middle of its work",
    );
    await stopWorkerProcess(first, "SIGKILL");
    // Postgres rolls back the dead worker's open transactions once it sees its
    // connections drop; wait for that rather than for a while.
    await waitUntil(
      async () => (await sessionsOfTheWorkerLogin()) === 0,
      60_000,
      "the killed worker's sessions to end",
    );

    const movedBeforeTheKill = await movedCount(ids);
    console.info(`moved before the kill: ${movedBeforeTheKill} of ${CASES}`);
    expect(movedBeforeTheKill).toBeGreaterThan(0);
    expect(movedBeforeTheKill).toBeLessThan(CASES);
    expect(await halfChangedCases(ids)).toEqual([]);

    // The cases whose jobs the dead worker still holds are left to the sweep, which the
    // cron queues every minute; queue it now rather than wait for the minute to turn.
    await database.pool.query("select graphile_worker.add_job($1)", [SWEEP_DUE_CONCERNS]);
    const second = startWorkerProcess();
    try {
      await waitUntil(async () => (await movedCount(ids)) === CASES, 300_000, "every case to move");
    } finally {
      await stopWorkerProcess(second, "SIGTERM");
    }
    expect(await halfChangedCases(ids)).toEqual([]);
    const events = await database.pool.query<{ cases: number; events: number }>(
      `select count(distinct entity_id)::int as cases, count(*)::int as events
       from audit_events where entity_id = any($1::text[])`,
      [ids],
    );
    expect(events.rows[0]).toEqual({ cases: CASES, events: CASES });
  }, 600_000);
});

describe("notice emails whose jobs a worker held when it was killed", () => {
  it("are all sent within minutes of another worker running, each once", async () => {
    // Only this test's jobs in the queue (the test above leaves its notices' emails).
    await withAdminClient(database.url, (owner) =>
      owner.query("delete from graphile_worker._private_jobs"),
    );
    const reporter = await insertPerson(database.db, { roles: ["physician"] });
    const subjects = await Promise.all(
      Array.from({ length: 4 }, () => insertPerson(database.db, { roles: ["physician"] })),
    );
    for (const subject of subjects) await fileAbout(database.db, reporter, subject, new Date());
    const deliveries = await database.pool.query<{ id: number }>(
      "select id from email_deliveries where recipient_id = any($1::uuid[])",
      [subjects.map((s) => s.userId)],
    );
    expect(deliveries.rowCount).toBe(4);

    // A mail server that greets and then never answers: the first worker's sends hang,
    // their jobs locked, when it is killed.
    const silent = await startSilentMailServer();
    try {
      const killed = startWorkerProcess({ SMTP_URL: `smtp://127.0.0.1:${silent.port}` });
      await waitUntil(
        async () => (await lockedSendJobs(deliveries.rows.map((d) => d.id))) === 2,
        60_000,
        "the first worker to be sending",
      );
      await stopWorkerProcess(killed, "SIGKILL");
    } finally {
      await silent.close();
    }

    const t0 = Date.now();
    // The next worker (mail kept in the database) sends them all: the two the killed one
    // held wait no four hours for graphile-worker's stale lock.
    const next = startWorkerProcess();
    try {
      await waitUntil(
        async () => (await sentDeliveries(subjects.map((s) => s.userId))) === 4,
        240_000,
        "every notice email to be sent",
      );
    } finally {
      await stopWorkerProcess(next, "SIGTERM");
    }
    console.info(`sent ${Math.round((Date.now() - t0) / 1000)} s after the next worker started`);
    expect(next.log).toMatch(/Released 2 job\(s\) held by a worker that is gone/);
    const captured = await database.pool.query<{ to_address: string; n: number }>(
      `select to_address, count(*)::int as n from captured_emails
       where to_address = any($1::text[]) group by to_address`,
      [subjects.map((s) => s.email)],
    );
    expect(captured.rows.map((row) => row.n)).toEqual([1, 1, 1, 1]);
  }, 600_000);
});

/**
 * `npm run worker`: the real entry, in its own process, as the application's login. Node
 * itself with tsx as a loader, not the tsx command, which runs the worker in a child
 * process that a SIGKILL to the command would leave running. Its log is kept in `log`.
 */
function startWorkerProcess(env: Record<string, string> = {}): ChildProcess & { log: string } {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: appLogin.url, SMTP_URL: "", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const withLog = Object.assign(worker, { log: "" });
  worker.stderr?.on("data", (chunk) => {
    withLog.log += chunk;
  });
  return withLog;
}

function hasExited(worker: ChildProcess): boolean {
  return worker.exitCode !== null || worker.signalCode !== null;
}

async function stopWorkerProcess(worker: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (hasExited(worker)) return;
  const exited = once(worker, "exit");
  worker.kill(signal);
  await exited;
}

async function movedCount(ids: string[]): Promise<number> {
  const result = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from concerns where id = any($1::uuid[])
     and state not in ('awaiting_response', 'remediation_reported', 'disputed')`,
    [ids],
  );
  return result.rows[0]!.n;
}

/**
 * Cases whose state, audit trail and notices disagree: moved without exactly one
 * transition event or without telling both parties once, or told and recorded without
 * having moved.
 */
async function halfChangedCases(ids: string[]) {
  const result = await database.pool.query(
    `select c.id, c.state, coalesce(a.n, 0) as events, coalesce(p.n, 0) as party_notices
     from concerns c
     left join (select entity_id, count(*)::int as n from audit_events
                where entity_id = any($1::text[]) group by entity_id) a on a.entity_id = c.id::text
     left join (select concern_id, count(*)::int as n from notifications
                where concern_id = any($1::uuid[]) and recipient_relation in ('reporter', 'subject')
                group by concern_id) p on p.concern_id = c.id
     where c.id = any($1::uuid[])
       and case when c.state in ('awaiting_response', 'remediation_reported', 'disputed')
                then coalesce(a.n, 0) <> 0 or coalesce(p.n, 0) <> 0
                else coalesce(a.n, 0) <> 1 or coalesce(p.n, 0) <> 2 end`,
    [ids],
  );
  return result.rows;
}

// As the owner: the application's role sees other logins' sessions without their state.
async function openTransactionsOfTheWorkerLogin(): Promise<number> {
  const result = await withAdminClient(database.url, (admin) =>
    admin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where usename = $1 and xact_start is not null and state <> 'idle'`,
      [new URL(appLogin.url).username],
    ),
  );
  return result.rows[0]!.n;
}

async function sessionsOfTheWorkerLogin(): Promise<number> {
  const login = new URL(appLogin.url).username;
  const result = await database.pool.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where usename = $1",
    [login],
  );
  return result.rows[0]!.n;
}

/** The send-email jobs of these deliveries that a worker holds now. */
async function lockedSendJobs(deliveryIds: number[]): Promise<number> {
  const result = await database.pool.query<{ n: number }>(
    `select count(*)::int as n from graphile_worker._private_jobs
     where locked_at is not null and (payload->>'deliveryId')::bigint = any($1::bigint[])`,
    [deliveryIds],
  );
  return result.rows[0]!.n;
}

async function sentDeliveries(recipients: string[]): Promise<number> {
  const result = await database.pool.query<{ n: number }>(
    "select count(*)::int as n from email_deliveries where recipient_id = any($1::uuid[]) and status = 'sent'",
    [recipients],
  );
  return result.rows[0]!.n;
}

/** An SMTP server that says hello and then nothing more, however long the client waits. */
async function startSilentMailServer(): Promise<{ port: number; close(): Promise<void> }> {
  const port = await freePort();
  const sockets = new Set<import("node:net").Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
    socket.write("220 silent.example ESMTP\r\n");
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
