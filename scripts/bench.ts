/**
 * `npm run bench` (`-- --quick` for a short run): seeds a database of its own at scale,
 * serves the production build on it, loads each scenario from a separate process and
 * reports every figure beside a floor measured in the same run (see README, Performance).
 * `-- --only patient-identifiers` measures just the detector, with no database or server.
 * `-- --audit-only` seeds and measures the audit trail alone (anchors and verification),
 * with no build and no HTTP load. `-- --servers-only` seeds and runs only the part with two
 * app servers and two workers on the one database. Exits non-zero only when a correctness check fails,
 * never on a time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { databaseUrlFor, withAdminClient } from "@/db/admin";
import { connectDatabase } from "@/db/client";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { encodeQueueCursor, type QueueFilters } from "@/lib/queries/queue-filters";
import { advanceDueConcerns } from "@/lib/services/concerns/advance-due-concerns";
import { activityScenarios } from "./bench/activity-scenarios";
import {
  type AnchorTiming,
  openCaseFiles,
  timeAnchor,
  timeVerify,
  type VerifyTiming,
} from "./bench/audit-anchors";
import { captureFilingRequest } from "./bench/capture-filing";
import { firstLoadJsBytes } from "./bench/first-load-js";
import type { LoadPlan, LoadResult } from "./bench/load";
import { MIB, residentBytesOfTree } from "./bench/memory";
import { type MultiServerResult, measureTwoServers } from "./bench/multi-server";
import {
  measurePatientIdentifiers,
  type PatientIdentifierBench,
  reportPatientIdentifiers,
} from "./bench/patient-identifiers";
import { measureQueueQuery, type QueueQueryResult, type QueueView } from "./bench/queue-query";
import {
  profileColumns,
  profileScenario,
  reportRequestProfiles,
  requestProfileEnv,
} from "./bench/request-profile";
import { PERSONAS, REPORTER_CONCERNS, type SeedSize, seedBenchDatabase } from "./bench/seed";
import { sessionCookieFor, sessionCookiesFor } from "./bench/sessions";
import {
  type MemoryFigures,
  otherTargets,
  ratioTarget,
  reportTargets,
  scenarioTargets,
  TARGETS,
  type TargetCheck,
} from "./bench/targets";
import { buildIfStale } from "./launcher/build-if-stale";

const require = createRequire(import.meta.url);
const quick = process.argv.includes("--quick");
// Measurements that need no database, runnable alone.
const ALONE = ["patient-identifiers"] as const;
const only = process.argv.includes("--only")
  ? process.argv[process.argv.indexOf("--only") + 1]
  : undefined;
const auditOnly = process.argv.includes("--audit-only");
const serversOnly = process.argv.includes("--servers-only");
const SIZE: SeedSize = quick
  ? { users: 2_000, concerns: 100_000, dueForWorker: serversOnly ? 0 : 10_000 }
  : { users: 10_000, concerns: 1_000_000, dueForWorker: serversOnly ? 0 : 100_000 };
/** Cases put past their deadline for the two workers to move. */
const DUE_FOR_TWO_WORKERS = quick ? 2_000 : 10_000;
const LOAD = quick
  ? // Long enough that a page taking seconds on a busy machine still completes several.
    { connections: 8, warmupSeconds: 2, durationSeconds: 10 }
  : { connections: 10, warmupSeconds: 5, durationSeconds: 15 };
const FILERS = 50;
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The second app server's port, for the part with two servers. */
const SECOND_PORT = Number(process.env.BENCH_SECOND_PORT ?? PORT + 1);
const BENCH_DATABASE = "peer_concerns_bench";
const failures: string[] = [];

interface ScenarioRow extends LoadResult {
  name: string;
  floor: "A" | "B" | null;
  recordsAccess?: boolean;
  diagnostic?: boolean;
  ratio: number | null;
  p95Ratio: number | null;
  /** The server's resident memory right after the scenario's load. */
  rssMiB: number;
}

function log(line: string): void {
  console.log(line);
}

async function openBenchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const server = await startEmbeddedServer({
      dataDir: path.resolve(".data/bench"),
      port: Number(process.env.BENCH_PG_PORT ?? 54460),
    });
    adminUrl = server.url();
    stop = () => server.stop();
  }
  // Always a database of its own, made anew: never the development or a test database.
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await client.query(`create database ${BENCH_DATABASE}`);
  });
  return { url: databaseUrlFor(adminUrl, BENCH_DATABASE), stop };
}

function startServer(databaseUrl: string, secret: string, port = PORT): ChildProcess {
  const server = spawn(
    process.execPath,
    [require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        ...requestProfileEnv(),
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: secret,
        PEER_CONCERNS_BENCH_BUILD: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  return server;
}

async function waitUntilHealthy(baseUrl = BASE_URL): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the benchmark server did not become healthy within a minute");
}

function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve("tsx/cli"), "scripts/bench/load.ts", JSON.stringify(plan)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split("\n").pop() ?? "{}") as LoadResult)
        : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  if (only !== undefined) {
    if (only !== "patient-identifiers") {
      console.error(`--only takes one of: ${ALONE.join(", ")}`);
      process.exit(2);
    }
    reportPatientIdentifiers(measurePatientIdentifiers(), log);
    return;
  }
  const started = performance.now();
  log(`Peer Concerns benchmark (${quick ? "quick" : "full"} run)`);
  // First, while nothing else of ours runs: it is a CPU-bound measurement.
  log("Patient-identifier detector…");
  const patientIdentifiers = measurePatientIdentifiers();
  const database = await openBenchDatabase();
  let server: ChildProcess | undefined;
  try {
    await migrateDatabase(database.url);
    const client = new pg.Client({ connectionString: database.url });
    client.on("error", () => {});
    await client.connect();
    log(
      `Seeding ${SIZE.users.toLocaleString()} people and ${SIZE.concerns.toLocaleString()} concerns:`,
    );
    const seedStarted = performance.now();
    await seedBenchDatabase(client, SIZE, log);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`Seeded in ${seedSeconds.toFixed(1)} s`);
    if (serversOnly) {
      buildIfStale({ distDir: ".next-bench", env: { PEER_CONCERNS_BENCH_BUILD: "1" } });
      const servers = await measureServers(client, database.url);
      await client.end();
      reportServers(servers);
      writeResults({ seedSeconds, servers });
    } else if (auditOnly) {
      const anchors = await timeFirstAnchor(client, database.url);
      log(`Worker: ${SIZE.dueForWorker.toLocaleString()} concerns past their deadline…`);
      const worker = await measureWorker(client, database.url);
      const audit = await measureLaterAnchors(client, database.url, anchors);
      await client.end();
      reportAudit(audit);
      log(
        `Worker moved ${worker.moved.toLocaleString()} cases in ${worker.workerSeconds.toFixed(1)} s.`,
      );
    } else {
      const anchors = await timeFirstAnchor(client, database.url);
      await measureServedApp(
        client,
        database.url,
        { anchors, patientIdentifiers, seedSeconds, started },
        (s) => {
          server = s;
        },
      );
    }
  } finally {
    server?.kill("SIGTERM");
    await database.stop();
  }
  if (failures.length > 0) {
    console.error(`\nCorrectness checks failed:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

async function timeFirstAnchor(client: pg.Client, url: string): Promise<AnchorTiming[]> {
  log("Audit trail: the first anchor checks and pins the whole seeded trail…");
  return [await timeAnchor(client, url, "first anchor (all)")];
}

/** Everything served: the build, the HTTP scenarios, the queue, first-load JS, the worker. */
async function measureServedApp(
  client: pg.Client,
  databaseUrl: string,
  earlier: {
    anchors: AnchorTiming[];
    patientIdentifiers: PatientIdentifierBench;
    seedSeconds: number;
    started: number;
  },
  onServer: (server: ChildProcess | undefined) => void,
): Promise<void> {
  const { anchors, patientIdentifiers, seedSeconds, started } = earlier;
  const database = { url: databaseUrl };
  let server: ChildProcess | undefined;
  try {
    buildIfStale({ distDir: ".next-bench", env: { PEER_CONCERNS_BENCH_BUILD: "1" } });
    const secret = randomBytes(32).toString("base64url");
    server = startServer(database.url, secret);
    onServer(server);
    await waitUntilHealthy();

    const reporter = await sessionCookieFor(client, secret, PERSONAS.reporter);
    const officer = await sessionCookieFor(client, secret, PERSONAS.officer);
    const filer = await sessionCookieFor(client, secret, PERSONAS.filer);
    const { rows: filerEmails } = await client.query<{ email: string }>(
      `select email from users join user_roles on user_id = id and role = 'physician'
       where email like 'bench.user%' order by email limit $1`,
      [FILERS],
    );
    const filers = await sessionCookiesFor(
      client,
      secret,
      filerEmails.map((row) => row.email),
    );
    const {
      rows: [subject],
    } = await client.query<{ name: string }>("select name from users where email = $1", [
      PERSONAS.subject,
    ]);
    const {
      rows: [caseFile],
    } = await client.query<{ id: string }>(
      // The escalated case the seed gave 50 events (the long thread has more, of messages).
      `select entity_id as id from audit_events where entity_type = 'concern' and action = 'case_viewed'
       group by entity_id order by count(*) desc limit 1`,
    );
    const queueViews = await queueViewsFor(client);
    const urlToken = `https://bench.example/capture/${randomBytes(6).toString("hex")}`;
    const filing = await captureFilingRequest({
      baseUrl: BASE_URL,
      cookie: filer,
      colleagueName: subject!.name,
      postUrl: urlToken,
    });

    const get = (pathname: string, cookies: string[]): LoadPlan => ({
      url: `${BASE_URL}${pathname}`,
      method: "GET",
      cookies,
      ...LOAD,
    });
    const activity = await activityScenarios(client, secret, { reporter, officer }, get);
    const scenarios: Array<{
      name: string;
      floor: "A" | "B" | null;
      recordsAccess?: boolean;
      diagnostic?: boolean;
      plan: LoadPlan;
    }> = [
      { name: "floor A: trivial route handler", floor: null, plan: get("/api/bench-floor", []) },
      {
        name: "floor B: trivial signed-in page",
        floor: null,
        plan: get("/bench/signed-in", [officer]),
      },
      {
        name: "file a concern (form action)",
        floor: "A",
        plan: {
          url: filing.url,
          method: "POST",
          cookies: filers,
          headers: filing.headers,
          body: filing.body,
          urlToken,
          ...LOAD,
        },
      },
      ...queueViews.map((view) => ({
        name: `officer queue, ${view.name}`,
        floor: "B" as const,
        plan: get(`/compliance${queueQueryString(view.filters)}`, [officer]),
      })),
      {
        // The first page again, drawn from data read once: what drawing it costs alone.
        name: "officer queue, first page drawn from data read once",
        floor: "B",
        diagnostic: true,
        plan: get("/bench/queue-drawn", [officer]),
      },
      {
        name: `case file (${caseFile ? "50 events" : "none"})`,
        floor: "B",
        recordsAccess: true,
        plan: get(`/compliance/cases/${caseFile?.id}`, [officer]),
      },
      {
        name: `my concerns (${REPORTER_CONCERNS} concerns)`,
        floor: "B",
        plan: get("/concerns", [reporter]),
      },
      ...activity.scenarios,
    ];

    log("Warm-up: each page once, then the server's memory at rest…");
    await warmUp(scenarios.map((scenario) => scenario.plan));
    const idleMiB = await settledMemoryMiB(server, 5);

    // The query's own latency, before the load rather than after it, when the work the load
    // leaves running (autovacuum on the rows it wrote, an insights recount) would run beside
    // it. Timed after the load, its p95s were 4.5-16.8 ms; before it, 3.3-12.0; alone on
    // the same database with nothing else running, 3.3-12.5.
    log("Queue query at scale…");
    const queue = await measureQueueQuery(database.url, PERSONAS.officer, queueViews);

    const filedBefore = await countFiledByBench(client);
    const rows: ScenarioRow[] = [];
    for (const scenario of scenarios) {
      log(`Load: ${scenario.name}…`);
      const result = await profileScenario(scenario.name, () => runLoad(scenario.plan));
      const floor = scenario.floor === "A" ? rows[0] : scenario.floor === "B" ? rows[1] : null;
      rows.push({
        name: scenario.name,
        floor: scenario.floor,
        recordsAccess: scenario.recordsAccess,
        diagnostic: scenario.diagnostic,
        ...result,
        ratio: floor ? result.requestsPerSecond / floor.requestsPerSecond : null,
        p95Ratio: floor ? result.p95 / floor.p95 : null,
        rssMiB: residentBytesOfTree(server.pid ?? 0) / MIB,
      });
      if (result.requests === 0) {
        failures.push(`${scenario.name}: no response completed within the measured window`);
      }
      if (result.errors > 0 || result.non2xx > 0) {
        failures.push(`${scenario.name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      }
    }
    const filingRow = rows.find((row) => row.name.startsWith("file a concern"))!;
    const filed = (await countFiledByBench(client)) - filedBefore;
    // Every acknowledged filing is stored; only requests still in flight when the
    // generator stopped may be stored without an acknowledgement.
    const acknowledged = filingRow.requests + filingRow.warmupRequests;
    if (filed < acknowledged || filed > acknowledged + 2 * LOAD.connections) {
      failures.push(`filing: ${acknowledged} acknowledged but ${filed} stored`);
    }

    log("First-load JavaScript…");
    const firstLoad = await measureFirstLoad(
      officer,
      reporter,
      caseFile?.id,
      activity.firstLoadPages,
    );
    log("Memory once the load stopped (after 10 s, then after a minute)…");
    const afterLoadMiB = await settledMemoryMiB(server, 10);
    const memory: MemoryFigures = {
      idleMiB,
      afterLoadMiB,
      settledMiB: await settledMemoryMiB(server, 50),
    };

    server.kill("SIGTERM");
    server = undefined;
    onServer(undefined);
    log(`Worker: ${SIZE.dueForWorker.toLocaleString()} concerns past their deadline…`);
    const worker = await measureWorker(client, database.url);
    const audit = await measureLaterAnchors(client, database.url, anchors);
    const servers = await measureServers(client, database.url);
    await client.end();

    report({
      memory,
      servers,
      seedSeconds,
      rows,
      queue,
      firstLoad,
      worker,
      patientIdentifiers,
      audit,
      filed,
      totalSeconds: (performance.now() - started) / 1000,
    });
  } finally {
    server?.kill("SIGTERM");
  }
}

/**
 * The queue views measured both as pages and as bare queries: the first page, a page deep
 * in the keyset (5,000 cases in), filters that lead with an indexed column, and a search.
 */
async function queueViewsFor(client: pg.Client): Promise<QueueView[]> {
  const { rows: deep } = await client.query<{ escalated_at: Date; id: string }>(
    `select escalated_at, id from concerns where escalated_at is not null and closed_at is null
     order by escalated_at, id offset 5000 limit 1`,
  );
  const { rows: department } = await client.query<{ id: string }>(
    "select id from departments order by name limit 1",
  );
  const views: QueueView[] = [{ name: "first page", filters: {} }];
  if (deep[0]) {
    views.push({
      name: "page 5,000 cases deep",
      filters: { after: { at: deep[0].escalated_at, id: deep[0].id } },
    });
  }
  views.push(
    {
      name: "department + severity + unassigned",
      filters: {
        department: department[0]?.id,
        severity: "significantly_violates_norms",
        assignee: "unassigned",
      },
    },
    { name: "overdue, due soonest", filters: { overdue: true, sort: "due" } },
    { name: "search by name", filters: { q: "Okafor" } },
  );
  return views;
}

function queueQueryString(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "after" && value && typeof value === "object" && "at" in value) {
      params.set("after", encodeQueueCursor(value.at, value.id));
    } else if (value === true) params.set(key, "1");
    else if (typeof value === "string") params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** One request to each GET scenario, so no page is measured while it is first compiled. */
async function warmUp(plans: readonly LoadPlan[]): Promise<void> {
  for (const plan of plans) {
    if (plan.method !== "GET") continue;
    const response = await fetch(plan.url, { headers: { cookie: plan.cookies[0] ?? "" } });
    await response.arrayBuffer();
  }
}

async function settledMemoryMiB(server: ChildProcess, seconds: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return residentBytesOfTree(server.pid ?? 0) / MIB;
}

/** Two app servers and two workers on the one database (scripts/bench/multi-server.ts). */
async function measureServers(client: pg.Client, databaseUrl: string): Promise<MultiServerResult> {
  const secret = randomBytes(32).toString("base64url");
  log(`Two servers (ports ${PORT} and ${SECOND_PORT}) and two workers on one database…`);
  const result = await measureTwoServers({
    client,
    databaseUrl,
    ports: [PORT, SECOND_PORT],
    load: LOAD,
    filers: FILERS,
    dueCases: DUE_FOR_TWO_WORKERS,
    secret,
    log,
    control: {
      start: (port) => startServer(databaseUrl, secret, port),
      waitUntilHealthy,
      runLoad,
    },
  });
  for (const check of result.checks) {
    if (check.problem) failures.push(`two servers: ${check.check}: ${check.problem}`);
  }
  return result;
}

function reportServers(servers: MultiServerResult): void {
  const fixed = (value: number, digits = 1) => value.toFixed(digits);
  log("\nTwo app servers against one (the same total connections; 2 cores shared by all)");
  console.table(
    servers.throughput.map((row) => ({
      scenario: row.scenario,
      "one: req/s": fixed(row.oneServer.requestsPerSecond),
      "one: p95": fixed(row.oneServer.p95),
      "two: req/s": fixed(row.twoServers.requestsPerSecond),
      "two: p95 (worse)": fixed(row.twoServers.p95),
      "per server": row.twoServers.perServer.map((rps) => fixed(rps)).join(" + "),
      "two ÷ one": row.ratio === null ? "n/a" : fixed(row.ratio, 2),
    })),
  );
  log("Across the servers and workers:");
  console.table(
    servers.checks.map((check) => ({
      check: check.check,
      saw: check.saw,
      "": check.problem ? "FAILED" : "holds",
    })),
  );
  const { idle, afterLoad } = servers.memoryMiB;
  log(
    `Memory of the two servers: idle ${idle.map((m) => fixed(m, 0)).join(" / ")} MiB, ` +
      `10 s after the load ${afterLoad.map((m) => fixed(m, 0)).join(" / ")} MiB`,
  );
}

function writeResults(results: object): void {
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/results.json",
    `${JSON.stringify({ run: quick ? "quick" : "full", at: new Date().toISOString(), size: SIZE, load: LOAD, ...results, failures }, null, 2)}\n`,
  );
  log("Written to bench/results.json");
}

async function countFiledByBench(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    "select count(*) from concerns where post_url like 'https://bench.example/filed/%'",
  );
  return Number(rows[0]!.count);
}

interface FirstLoadRow {
  page: string;
  status: number;
  gzipKb: number;
  overMinimumKb: number;
}

async function measureFirstLoad(
  officer: string,
  reporter: string,
  caseId: string | undefined,
  morePages: ReadonlyArray<[string, string]>,
): Promise<{ minimumKb: number; pages: FirstLoadRow[] }> {
  const cache = new Map<string, number>();
  const pages: Array<[string, string]> = [
    ["/sign-in", ""],
    ["/concerns", reporter],
    ["/concerns/new", reporter],
    ["/notices", reporter],
    ["/notifications", reporter],
    ["/compliance", officer],
    [`/compliance/cases/${caseId}`, officer],
    ...morePages,
  ];
  const minimum = await firstLoadJsBytes(BASE_URL, "/bench/empty", officer, cache);
  const rows: FirstLoadRow[] = [];
  for (const [page, cookie] of pages) {
    const measured = await firstLoadJsBytes(BASE_URL, page, cookie, cache);
    rows.push({
      page,
      status: measured.status,
      gzipKb: measured.gzipBytes / 1024,
      overMinimumKb: (measured.gzipBytes - minimum.gzipBytes) / 1024,
    });
  }
  return { minimumKb: minimum.gzipBytes / 1024, pages: rows };
}

interface WorkerResult {
  due: number;
  moved: number;
  workerSeconds: number;
  casesPerSecond: number;
  plainSqlSeconds: number;
  plainSqlPerSecond: number;
  ratio: number;
}

/**
 * The worker's sweep on every due concern, two sweeps side by side as two workers would
 * run, against a plain set-based UPDATE of the same rows (rolled back) in the same run.
 */
async function measureWorker(client: pg.Client, url: string): Promise<WorkerResult> {
  const now = new Date();
  const dueCondition = `state = 'awaiting_response' and response_due_at <= $1`;
  const { rows: dueRows } = await client.query<{ count: string }>(
    `select count(*) from concerns where ${dueCondition}`,
    [now],
  );
  const due = Number(dueRows[0]!.count);

  await client.query("begin");
  const plainStarted = performance.now();
  await client.query(
    `update concerns set
       state = (case when severity = 'significantly_violates_norms' then 'escalated' else 'lapsed' end)::concern_state,
       escalated_at = case when severity = 'significantly_violates_norms' then $1::timestamptz end,
       closed_at = case when severity = 'significantly_violates_norms' then null else $1::timestamptz end,
       updated_at = $1
     where ${dueCondition}`,
    [now],
  );
  const plainSqlSeconds = (performance.now() - plainStarted) / 1000;
  await client.query("rollback");

  const { rows: clock } = await client.query<{ since: Date }>("select clock_timestamp() as since");
  const since = clock[0]!.since;
  const { db, pool } = connectDatabase(url, { max: 4 });
  const workerStarted = performance.now();
  const [first, second] = await Promise.all([
    advanceDueConcerns(db, now),
    advanceDueConcerns(db, now),
  ]);
  const workerSeconds = (performance.now() - workerStarted) / 1000;
  await pool.end();
  const moved = first + second;

  const { rows: check } = await client.query<{
    remaining: string;
    events: string;
    doubled: string;
  }>(
    `select
       (select count(*) from concerns where ${dueCondition}) as remaining,
       (select count(*) from audit_events where action in ('escalated_by_deadline', 'lapsed')
          and actor_id is null and occurred_at >= $2) as events,
       (select count(*) from (select entity_id from audit_events
          where action in ('escalated_by_deadline', 'lapsed') and occurred_at >= $2
          group by entity_id having count(*) > 1) twice) as doubled`,
    [now, since],
  );
  const { remaining, events, doubled } = check[0]!;
  if (moved !== due || Number(remaining) !== 0 || Number(events) !== due || Number(doubled) !== 0) {
    failures.push(
      `worker: ${due} due, ${moved} moved, ${remaining} left, ${events} audit events, ${doubled} moved twice`,
    );
  }
  const result = {
    due,
    moved,
    workerSeconds,
    casesPerSecond: moved / workerSeconds,
    plainSqlSeconds,
    plainSqlPerSecond: due / plainSqlSeconds,
    ratio: moved / workerSeconds / (due / plainSqlSeconds),
  };
  log(
    `Worker: ${result.casesPerSecond.toFixed(0)} cases/s, plain UPDATE ${result.plainSqlPerSecond.toFixed(0)} rows/s, ratio ${result.ratio.toFixed(3)} (target ≥ 0.2)`,
  );
  return result;
}

/**
 * After the load and the worker's sweep (a busy quarter of an hour: every filing and every
 * case moved), then after a quiet one (a few case files opened), the anchor checks only what
 * changed; then the whole trail is verified, and must be intact.
 */
async function measureLaterAnchors(
  client: pg.Client,
  url: string,
  anchors: AnchorTiming[],
): Promise<{ anchors: AnchorTiming[]; verify: VerifyTiming }> {
  log("Audit trail: anchors after the busy and a quiet quarter hour, then audit:verify…");
  anchors.push(await timeAnchor(client, url, "after the load and the sweep"));
  await openCaseFiles(client, 20);
  anchors.push(await timeAnchor(client, url, "after 20 case files opened"));
  const verify = await timeVerify(url);
  if (verify.problems > 0) {
    failures.push(`audit:verify: ${verify.problems} problems, e.g. ${verify.examples.join("; ")}`);
  }
  return { anchors, verify };
}

function reportAudit(audit: { anchors: AnchorTiming[]; verify: VerifyTiming }): void {
  log("Audit anchors (check what changed, then pin it):");
  console.table(
    audit.anchors.map((anchor) => ({
      anchor: anchor.label,
      "events to check": anchor.changedEvents,
      "heads pinned": anchor.pinnedHeads,
      s: anchor.seconds.toFixed(2),
    })),
  );
  const { verify } = audit;
  log(
    `audit:verify: ${verify.events.toLocaleString()} events in ${verify.chains.toLocaleString()} chains, ` +
      `${verify.cases.toLocaleString()} cases replayed, ${verify.problems} problems, in ${verify.seconds.toFixed(1)} s`,
  );
}

function report(results: {
  seedSeconds: number;
  rows: ScenarioRow[];
  queue: QueueQueryResult;
  firstLoad: { minimumKb: number; pages: FirstLoadRow[] };
  worker: WorkerResult;
  patientIdentifiers: PatientIdentifierBench;
  audit: { anchors: AnchorTiming[]; verify: VerifyTiming };
  memory: MemoryFigures;
  servers: MultiServerResult;
  filed: number;
  totalSeconds: number;
}): void {
  const { rows, queue, firstLoad, worker, memory } = results;
  const fixed = (value: number | null, digits = 1) => (value === null ? "" : value.toFixed(digits));
  log("\nHTTP scenarios (latency in ms; ratio = req/s ÷ its floor's req/s; memory after each)");
  console.table(
    rows.map((row) => ({
      scenario: row.name,
      "req/s": fixed(row.requestsPerSecond),
      p50: fixed(row.p50),
      p95: fixed(row.p95),
      p99: fixed(row.p99),
      errors: row.errors + row.non2xx,
      floor: row.floor ?? "",
      ratio: fixed(row.ratio, 2),
      "ratio target": ratioTarget(row),
      [`p95 ÷ floor p95 (≤${TARGETS.readPage.p95Ratio})`]:
        row.floor === "B" ? fixed(row.p95Ratio, 2) : "",
      "RSS MiB": fixed(row.rssMiB, 0),
      ...profileColumns(row.name),
    })),
  );
  const requestProfiles = reportRequestProfiles(log);
  log(
    `Server memory (next start and its children): ${fixed(memory.idleMiB, 0)} MiB idle after warm-up, ` +
      `${fixed(memory.afterLoadMiB, 0)} MiB 10 s after the load stopped ` +
      `(${fixed(memory.afterLoadMiB / memory.idleMiB, 2)}×), ${fixed(memory.settledMiB, 0)} MiB ` +
      `after a minute (${fixed(memory.settledMiB / memory.idleMiB, 2)}×; target ≤ ${TARGETS.memoryAfterLoad}×)`,
  );
  log(
    `Queue query at ${SIZE.concerns.toLocaleString()} concerns (target p95 < ${TARGETS.queueP95Ms} ms):`,
  );
  console.table(
    queue.variants.map((variant) => ({
      query: variant.name,
      "p50 ms": fixed(variant.p50, 2),
      "p95 ms": fixed(variant.p95, 2),
      "uses index": variant.indexes.join(", ") || "NO",
    })),
  );
  log(
    `First-load JS, gzip (framework minimum ${fixed(firstLoad.minimumKb)} kB; target ≤ +${TARGETS.firstLoadOverMinimumKb} kB):`,
  );
  console.table(
    firstLoad.pages.map((page) => ({
      page: page.page,
      status: page.status,
      kB: fixed(page.gzipKb),
      "over minimum kB": fixed(page.overMinimumKb),
    })),
  );
  log(
    `Worker: ${worker.moved.toLocaleString()} of ${worker.due.toLocaleString()} due concerns moved in ${fixed(worker.workerSeconds)} s ` +
      `(${fixed(worker.casesPerSecond, 0)}/s); plain SQL UPDATE ${fixed(worker.plainSqlSeconds, 2)} s ` +
      `(${fixed(worker.plainSqlPerSecond, 0)}/s); ratio ${fixed(worker.ratio, 3)} (target ≥ ${TARGETS.worker.ratio})`,
  );
  reportPatientIdentifiers(results.patientIdentifiers, log);
  reportAudit(results.audit);
  reportServers(results.servers);
  const targets: TargetCheck[] = [
    ...scenarioTargets(rows),
    ...otherTargets({
      workerRatio: worker.ratio,
      queueP95s: queue.variants,
      firstLoadOverKb: firstLoad.pages,
      memory,
    }),
  ];
  reportTargets(targets, log);
  log(`Seeding took ${fixed(results.seedSeconds)} s; whole run ${fixed(results.totalSeconds)} s.`);
  writeResults({ ...results, targets, requestProfiles });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
