import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect, test } from "@playwright/test";
import { createDatabaseIfMissing, withAdminClient } from "@/db/admin";
import { ensureEmbeddedAppLogin } from "@/db/app-role";
import { type EmbeddedServer, startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { freePort } from "../support/free-port";
import { captureFilingRequest, sendFiling, uniquePostUrl } from "./concerns";
import { DEMO, signIn } from "./support";

// Its own PostgreSQL and its own app, started by the real launcher, so stopping the
// database here disturbs no other journey.
const DATA_DIR = path.resolve(".data/e2e-outage");
const TRY_AGAIN = /try again/i;

let postgres: EmbeddedServer;
let pgPort: number;
let ownerUrl: string;
let app: ChildProcess;
let appOutput = "";
let origin: string;

test.describe.configure({ timeout: 300_000 });

test.beforeAll(async () => {
  pgPort = Number(process.env.FAULT_PG_PORT) || (await freePort());
  const appPort = Number(process.env.FAULT_APP_PORT) || (await freePort());
  origin = `http://localhost:${appPort}`;
  await rm(DATA_DIR, { recursive: true, force: true });
  postgres = await startEmbeddedServer({ dataDir: DATA_DIR, port: pgPort });
  await createDatabaseIfMissing(postgres.url(), "peer_concerns");
  ownerUrl = postgres.url("peer_concerns");
  await migrateDatabase(ownerUrl);
  // Many filings by one physician; the daily limit is not under test.
  await withAdminClient(ownerUrl, (client) =>
    client.query(
      "insert into organisation_settings (singleton, daily_filing_limit) values (true, 100000)",
    ),
  );
  // Node with tsx as a loader rather than the tsx command, so signals reach the app itself.
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: "localhost",
      DATABASE_URL: await ensureEmbeddedAppLogin(ownerUrl, DATA_DIR),
      MIGRATION_DATABASE_URL: ownerUrl,
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  app.stdout?.on("data", (chunk) => {
    appOutput += chunk;
  });
  app.stderr?.on("data", (chunk) => {
    appOutput += chunk;
  });
  await waitForHealth();
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    app.kill("SIGTERM");
    await once(app, "exit");
  }
  await postgres?.stop();
  await rm(DATA_DIR, { recursive: true, force: true });
});

async function waitForHealth(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (app.exitCode !== null) throw new Error(`The app exited:\n${appOutput}`);
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await sleep(200);
  }
  throw new Error(`The app did not become healthy:\n${appOutput}`);
}

test("PostgreSQL stopped and restarted while filings arrive: every acknowledged filing is stored, the outage answers 503 try again, and the same app serves again", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await signIn(page, DEMO.physician);
  const filing = await captureFilingRequest(page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
  });

  type Phase = "before" | "stream" | "outage" | "after";
  const sent: { phase: Phase; postUrl: string; status: number; filedId?: string; text: string }[] =
    [];
  const send = async (phase: Phase) => {
    const postUrl = uniquePostUrl();
    const { response, filedId, text } = await sendFiling(context.request, filing, postUrl);
    const result = { phase, postUrl, status: response.status(), filedId, text };
    sent.push(result);
    return result;
  };

  for (let i = 0; i < 5; i++) expect((await send("before")).filedId).toBeTruthy();

  // Filings keep arriving while the database stops, stays away and comes back.
  let streaming = true;
  const stream = (async () => {
    while (streaming) await send("stream");
  })();
  while (sent.filter((s) => s.phase === "stream").length < 3) await sleep(20);

  await postgres.stop();
  for (let i = 0; i < 5; i++) {
    const during = await send("outage");
    expect(during.status).toBe(503);
    expect(during.text).toMatch(TRY_AGAIN);
  }
  const pageDuring = await context.request.get("/concerns", { maxRedirects: 0 });
  expect(pageDuring.status()).toBe(503);
  expect(pageDuring.headers()["retry-after"]).toBeTruthy();
  expect(await pageDuring.text()).toMatch(TRY_AGAIN);
  // A load balancer's check gets the documented JSON, not the page.
  const healthDuring = await context.request.get("/api/health");
  expect(healthDuring.status()).toBe(503);
  expect(healthDuring.headers()["content-type"]).toContain("application/json");
  expect(await healthDuring.json()).toEqual({ status: "unavailable", database: "unreachable" });
  await page.goto("/concerns");
  await expect(page.getByRole("heading", { name: "Temporarily unavailable" })).toBeVisible();

  postgres = await startEmbeddedServer({ dataDir: DATA_DIR, port: pgPort });
  // The same process, not restarted, serves pages and takes filings again: within a few
  // seconds (a check of the database already under way when it came back may still say
  // it is away, and the pool drops connections the restart broke as it meets them).
  await expect
    .poll(async () => (await context.request.get("/concerns", { maxRedirects: 0 })).status(), {
      timeout: 30_000,
      intervals: [250, 500, 1000],
    })
    .toBe(200);
  streaming = false;
  await stream;
  for (let i = 0; i < 5; i++) expect((await send("after")).filedId).toBeTruthy();
  await page.goto("/concerns");
  await expect(page.getByRole("heading", { name: "My concerns" })).toBeVisible();
  expect(app.exitCode).toBeNull();

  // Anything not acknowledged was told to try again, never a bare error.
  for (const result of sent.filter((s) => !s.filedId)) {
    expect(result.status === 503 || TRY_AGAIN.test(result.text), JSON.stringify(result)).toBe(true);
  }
  const acknowledged = sent.filter((s) => s.filedId);
  const stored = await withAdminClient(ownerUrl, (client) =>
    client.query<{ id: string; post_url: string }>(
      "select id, post_url from concerns where post_url = any($1::text[])",
      [sent.map((s) => s.postUrl)],
    ),
  );
  const storedByPost = new Map(stored.rows.map((row) => [row.post_url, row.id]));
  for (const result of acknowledged) {
    expect(storedByPost.get(result.postUrl), result.postUrl).toBe(result.filedId);
  }
  // The worker the launcher runs in the same process took up its work again too: the
  // notices of the filings made after the restart are emailed.
  const filedAfter = sent.filter((s) => s.phase === "after").map((s) => s.filedId);
  await expect
    .poll(
      async () => {
        const deliveries = await withAdminClient(ownerUrl, (client) =>
          client.query<{ sent: number; all: number }>(
            `select count(*) filter (where d.status = 'sent')::int as sent, count(*)::int as all
             from email_deliveries d join notifications n on n.id = d.notification_id
             where n.concern_id = any($1::uuid[])`,
            [filedAfter],
          ),
        );
        return deliveries.rows[0];
      },
      { timeout: 60_000 },
    )
    .toEqual({ sent: filedAfter.length, all: filedAfter.length });
  console.info(
    `filings: ${sent.length} sent, ${acknowledged.length} acknowledged, ${stored.rows.length} stored, ${sent.filter((s) => s.status === 503).length} answered 503`,
  );
});
