import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type APIRequestContext, expect, test } from "@playwright/test";
import pg from "pg";
import { freePort } from "../support/free-port";
import { type CapturedFiling, captureFilingRequest, sendFiling, uniquePostUrl } from "./concerns";
import { DEMO, signIn } from "./support";

// `npm start` killed outright, database and all, and started again at once, ten times,
// while a physician keeps filing: its own data directory, ports and launcher, so no
// other journey is disturbed.
const DATA_DIR = path.resolve(".data/e2e-crash");
const RESTARTS = 10;

let appPort: number;
let pgPort: number;
let launcher: ChildProcess | undefined;
let launcherLog = "";

test.describe.configure({ timeout: 900_000 });

/** `npm start` as a user runs it, in a process group of its own with its PostgreSQL. */
function startLauncher(): ChildProcess {
  const started = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: "localhost",
      EMBEDDED_PG_DATA: path.join(DATA_DIR, "postgres"),
      EMBEDDED_PG_PORT: String(pgPort),
      DATABASE_URL: "",
      MIGRATION_DATABASE_URL: "",
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [started.stdout, started.stderr]) {
    stream?.on("data", (chunk) => {
      launcherLog += chunk;
    });
  }
  return started;
}

/** SIGKILL to the launcher and its PostgreSQL at the same instant, as a power cut would. */
async function killTogether(running: ChildProcess): Promise<void> {
  const exited = once(running, "exit");
  process.kill(-running.pid!, "SIGKILL");
  await exited;
}

async function untilServing(running: ChildProcess): Promise<void> {
  const giveUpAt = Date.now() + 180_000;
  for (;;) {
    if (running.exitCode !== null) throw new Error(`The launcher exited:\n${launcherLog}`);
    const healthy = await fetch(`http://localhost:${appPort}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > giveUpAt) throw new Error(`The launcher did not serve:\n${launcherLog}`);
    await sleep(200);
  }
}

async function withOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const password = readFileSync(path.join(DATA_DIR, "postgres/postgres-password"), "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: pgPort,
    user: "postgres",
    password,
    database: "peer_concerns",
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  // A first start provisions and migrates a new PostgreSQL: on a loaded machine that can
  // take longer than a test's default minute (untilServing bounds it at three).
  test.setTimeout(240_000);
  appPort = await freePort();
  pgPort = await freePort();
  await rm(DATA_DIR, { recursive: true, force: true });
  launcher = startLauncher();
  await untilServing(launcher);
  // Many filings by one physician; the daily limit is not under test.
  await withOwner((client) =>
    client.query(
      `insert into organisation_settings (singleton, daily_filing_limit) values (true, 100000)
       on conflict (singleton) do update set daily_filing_limit = 100000`,
    ),
  );
});

test.afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = once(launcher, "exit");
    launcher.kill("SIGTERM");
    await exited;
  }
  await rm(DATA_DIR, { recursive: true, force: true });
});

interface Sent {
  postUrl: string;
  filedId?: string;
}

/** Filings from two tabs at once until `stop` says so; every one sent is recorded. */
function fileContinuously(request: APIRequestContext, filing: CapturedFiling, sent: Sent[]) {
  let running = true;
  const stream = async () => {
    while (running) {
      const postUrl = uniquePostUrl();
      const record: Sent = { postUrl };
      sent.push(record);
      try {
        record.filedId = (await sendFiling(request, filing, postUrl)).filedId;
      } catch {
        // The server died under the request: not acknowledged.
      }
    }
  };
  const streams = [stream(), stream()];
  return {
    async stop() {
      running = false;
      await Promise.all(streams);
    },
  };
}

test("npm start killed with its PostgreSQL and started again at once, ten times under filings: every start serves, nothing acknowledged is lost, every notice email is delivered", async ({
  browser,
}) => {
  const started = Date.now();
  const context = await browser.newContext({ baseURL: `http://localhost:${appPort}` });
  const page = await context.newPage();
  await signIn(page, DEMO.physician);
  const filing = await captureFilingRequest(page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
  });

  const sent: Sent[] = [];
  const secondsToServe: number[] = [];
  for (let restart = 1; restart <= RESTARTS; restart++) {
    const acknowledgedBefore = sent.filter((s) => s.filedId).length;
    const burst = fileContinuously(context.request, filing, sent);
    // Killed in the middle of the burst, with filings in flight.
    while (sent.filter((s) => s.filedId).length < acknowledgedBefore + 3) await sleep(20);
    await killTogether(launcher!);
    await burst.stop();
    const restartedAt = Date.now();
    launcher = startLauncher();
    await untilServing(launcher);
    secondsToServe.push((Date.now() - restartedAt) / 1000);
  }
  for (let i = 0; i < 3; i++) {
    const postUrl = uniquePostUrl();
    const { filedId } = await sendFiling(context.request, filing, postUrl);
    expect(filedId, "a filing after the last restart").toBeTruthy();
    sent.push({ postUrl, filedId });
  }

  const stored = await withOwner((client) =>
    client.query<{ id: string; post_url: string }>(
      "select id, post_url from concerns where post_url = any($1::text[])",
      [sent.map((s) => s.postUrl)],
    ),
  );
  const storedByPost = new Map(stored.rows.map((row) => [row.post_url, row.id]));
  const acknowledged = sent.filter((s) => s.filedId);
  for (const filed of acknowledged) {
    expect(storedByPost.get(filed.postUrl), filed.postUrl).toBe(filed.filedId);
  }

  // Every notice of every filing stored, acknowledged or not, reaches its colleague,
  // including those whose email jobs a killed worker held.
  const storedIds = stored.rows.map((row) => row.id);
  await expect
    .poll(
      () =>
        withOwner(async (client) => {
          const result = await client.query<{ sent: number; all: number }>(
            `select count(*) filter (where d.status = 'sent')::int as sent, count(*)::int as all
             from email_deliveries d join notifications n on n.id = d.notification_id
             where n.concern_id = any($1::uuid[])`,
            [storedIds],
          );
          return result.rows[0];
        }),
      { timeout: 300_000, intervals: [2_000] },
    )
    .toEqual({ sent: storedIds.length, all: storedIds.length });
  const released = [...launcherLog.matchAll(/Released (\d+) job\(s\)/g)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
  console.info(
    `${RESTARTS} restarts in ${Math.round((Date.now() - started) / 1000)} s (serving again after ${Math.min(...secondsToServe).toFixed(1)}–${Math.max(...secondsToServe).toFixed(1)} s): ${sent.length} filings sent, ${acknowledged.length} acknowledged, ${stored.rowCount} stored, every notice delivered, ${released} jobs of killed workers released`,
  );
});
