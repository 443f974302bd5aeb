/**
 * Two app servers (`next start` on two ports, one DATABASE_URL and AUTH_SECRET, no worker
 * inside) and two workers (`npm run worker`'s entry) on the one PostgreSQL: throughput
 * with the load spread over both servers against one server alone, and the correctness
 * that must hold across them (README, Performance: "More than one server").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import type pg from "pg";
import { captureFilingRequest } from "./capture-filing";
import type { LoadPlan, LoadResult } from "./load";
import { MIB, residentBytesOfTree } from "./memory";
import { PERSONAS } from "./seed";
import { THREAD_CONCERN_URL } from "./seed-activity";
import { sessionCookieFor, sessionCookiesFor } from "./sessions";
import {
  checkDailyLimitShared,
  checkSessionsShared,
  checkSignInThrottleShared,
  retarget,
  type SharedCheck,
} from "./shared-state-checks";

const require = createRequire(import.meta.url);

export interface ServerControl {
  /** Serves the bench build on this port with the run's database and secret. */
  start(port: number): ChildProcess;
  waitUntilHealthy(baseUrl: string): Promise<void>;
  runLoad(plan: LoadPlan): Promise<LoadResult>;
}

export interface ThroughputRow {
  scenario: string;
  oneServer: { requestsPerSecond: number; p95: number };
  /** Both generators' requests per second added; the p95 is the worse of the two. */
  twoServers: { requestsPerSecond: number; p95: number; perServer: [number, number] };
  /** Null when one server answered nothing within the window. */
  ratio: number | null;
  errors: number;
  /** Load generators that saw no response complete within their window. */
  silent: number;
}

export interface WorkerSweepResult {
  due: number;
  moved: number;
  seconds: number;
  auditEvents: number;
  movedTwice: number;
  /** Distinct workers seen holding jobs while the due cases were moved. */
  workersSeenHoldingJobs: number;
}

export interface MultiServerResult {
  throughput: ThroughputRow[];
  filings: { acknowledged: number; stored: number; duplicates: number };
  workers: WorkerSweepResult;
  checks: SharedCheck[];
  memoryMiB: { idle: [number, number]; afterLoad: [number, number] };
}

export async function measureTwoServers(options: {
  client: pg.Client;
  databaseUrl: string;
  ports: [number, number];
  load: { connections: number; warmupSeconds: number; durationSeconds: number };
  filers: number;
  dueCases: number;
  control: ServerControl;
  secret: string;
  log: (line: string) => void;
}): Promise<MultiServerResult> {
  const { client, control, load, log } = options;
  const bases = options.ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  const servers: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  try {
    for (const port of options.ports) servers.push(control.start(port));
    await Promise.all(bases.map((base) => control.waitUntilHealthy(base)));

    const people = await peopleFor(client, options.secret, options.filers);
    const urlToken = `https://bench.example/capture/${randomBytes(6).toString("hex")}`;
    const filing = await captureFilingRequest({
      baseUrl: bases[0],
      cookie: people.filer,
      colleagueName: people.subjectName,
      postUrl: urlToken,
    });
    const scenarios: Array<{ name: string; plan: LoadPlan }> = [
      {
        name: "file a concern (form action)",
        plan: {
          url: filing.url,
          method: "POST",
          cookies: people.filers,
          headers: filing.headers,
          body: filing.body,
          urlToken,
          ...load,
        },
      },
      {
        name: "officer queue, first page",
        plan: { url: `${bases[0]}/compliance`, method: "GET", cookies: [people.officer], ...load },
      },
      {
        name: "conversation thread (reporter)",
        plan: {
          url: `${bases[0]}/concerns/${people.threadConcernId}`,
          method: "GET",
          cookies: [people.reporter],
          ...load,
        },
      },
    ];
    for (const base of bases) await warmUp(base, scenarios);
    const idle = await settledMemory(servers, 5);

    const filedBefore = await countFiled(client);
    let acknowledged = 0;
    const throughput: ThroughputRow[] = [];
    for (const scenario of scenarios) {
      log(`Two servers: ${scenario.name}, one server then both…`);
      const one = await control.runLoad(scenario.plan);
      const half = Math.max(1, Math.ceil(load.connections / 2));
      const [a, b] = await Promise.all(
        bases.map((base) =>
          control.runLoad({
            ...scenario.plan,
            ...retargetPlan(scenario.plan, bases[0], base),
            connections: half,
          }),
        ),
      );
      if (scenario.plan.method === "POST") {
        acknowledged += [one, a!, b!].reduce((n, r) => n + r.requests + r.warmupRequests, 0);
      }
      const twoRps = a!.requestsPerSecond + b!.requestsPerSecond;
      throughput.push({
        scenario: scenario.name,
        oneServer: { requestsPerSecond: one.requestsPerSecond, p95: one.p95 },
        twoServers: {
          requestsPerSecond: twoRps,
          p95: Math.max(a!.p95, b!.p95),
          perServer: [a!.requestsPerSecond, b!.requestsPerSecond],
        },
        ratio: one.requestsPerSecond > 0 ? twoRps / one.requestsPerSecond : null,
        errors: [one, a!, b!].reduce((n, r) => n + r.errors + r.non2xx, 0),
        silent: [one, a!, b!].filter((r) => r.requests === 0).length,
      });
    }
    const stored = (await countFiled(client)) - filedBefore;
    const { rows: dup } = await client.query<{ duplicates: string }>(
      `select count(*) - count(distinct post_url) as duplicates from concerns
       where post_url like 'https://bench.example/filed/%'`,
    );
    const filings = { acknowledged, stored, duplicates: Number(dup[0]!.duplicates) };
    const afterLoad = await settledMemory(servers, 10);

    log("Two servers: sessions, sign-in throttling and the daily limit across them…");
    const checks: SharedCheck[] = [];
    for (const row of throughput) {
      checks.push({
        check: `${row.scenario}: every answer 2xx, on one server and on both`,
        saw: `${row.errors} errors or non-2xx, ${row.silent} windows with no response`,
        problem:
          row.errors === 0 && row.silent === 0
            ? null
            : `${row.errors} errors or non-2xx answers, ${row.silent} windows with no response`,
      });
    }
    // Requests still in flight when a generator stopped may be stored unacknowledged.
    const inFlight = 3 * 2 * load.connections;
    checks.push({
      check: "each acknowledged filing stored once, over one and two servers",
      saw: `${acknowledged} acknowledged, ${stored} stored, ${filings.duplicates} stored twice`,
      problem:
        stored >= acknowledged && stored <= acknowledged + inFlight && filings.duplicates === 0
          ? null
          : `${acknowledged} acknowledged but ${stored} stored, ${filings.duplicates} twice`,
    });
    checks.push(
      ...(await checkSessionsShared({
        servers: bases,
        client,
        databaseUrl: options.databaseUrl,
        secret: options.secret,
        email: people.spare[0]!,
        deactivated: { email: people.spare[1]!, adminEmail: PERSONAS.admin },
      })),
      ...(await checkSignInThrottleShared({ servers: bases, email: people.spare[2]! })),
      ...(await checkDailyLimitShared({
        servers: bases,
        client,
        filing,
        filingServer: bases[0],
        urlToken,
        cookie: people.filer,
        filerEmail: PERSONAS.filer,
      })),
    );

    log(`Two workers: ${options.dueCases.toLocaleString()} cases past their deadline…`);
    // Started only now, so the throughput above is the servers' alone; from here both
    // workers also take whatever jobs earlier parts of the bench left queued.
    for (let i = 0; i < 2; i++) workers.push(startWorker(options.databaseUrl));
    const sweep = await sweepWithTwoWorkers(client, options.dueCases);
    checks.push({
      check: "each due case moved once by two workers, with one audit event",
      saw:
        `${sweep.due} due, ${sweep.moved} moved in ${sweep.seconds.toFixed(1)} s, ` +
        `${sweep.auditEvents} audit events, ${sweep.movedTwice} moved twice, ` +
        `${sweep.workersSeenHoldingJobs} workers seen holding jobs`,
      problem:
        sweep.moved === sweep.due && sweep.auditEvents === sweep.due && sweep.movedTwice === 0
          ? null
          : "a due case was not moved, or moved twice",
    });
    return {
      throughput,
      filings,
      workers: sweep,
      checks,
      memoryMiB: { idle, afterLoad },
    };
  } finally {
    await Promise.all(workers.map((worker) => stopProcess(worker)));
    await Promise.all(servers.map((server) => stopProcess(server)));
  }
}

function retargetPlan(plan: LoadPlan, from: string, to: string): Partial<LoadPlan> {
  const request = retarget(
    { url: plan.url, headers: plan.headers ?? {}, body: plan.body ?? "" },
    from,
    to,
  );
  return { url: request.url, headers: request.headers };
}

async function peopleFor(client: pg.Client, secret: string, filerCount: number) {
  const { rows: filerEmails } = await client.query<{ email: string }>(
    `select email from users join user_roles on user_id = id and role = 'physician'
     where email like 'bench.user%' order by email limit $1`,
    [filerCount],
  );
  // People no other part of the bench acts as: the last physicians by address.
  const { rows: spare } = await client.query<{ email: string }>(
    `select email from users join user_roles on user_id = id and role = 'physician'
     where email like 'bench.user%' order by email desc limit 3`,
  );
  const { rows: thread } = await client.query<{ id: string; subject: string }>(
    `select c.id, s.name as subject from concerns c join users s on s.id = c.subject_id
     where c.post_url = $1`,
    [THREAD_CONCERN_URL],
  );
  const {
    rows: [subject],
  } = await client.query<{ name: string }>("select name from users where email = $1", [
    PERSONAS.subject,
  ]);
  return {
    filer: await sessionCookieFor(client, secret, PERSONAS.filer),
    officer: await sessionCookieFor(client, secret, PERSONAS.officer),
    reporter: await sessionCookieFor(client, secret, PERSONAS.reporter),
    filers: await sessionCookiesFor(
      client,
      secret,
      filerEmails.map((row) => row.email),
    ),
    spare: spare.map((row) => row.email),
    subjectName: subject!.name,
    threadConcernId: thread[0]!.id,
  };
}

/** One request to each scenario's page, so neither server is measured while it compiles. */
async function warmUp(base: string, scenarios: Array<{ plan: LoadPlan }>): Promise<void> {
  for (const { plan } of scenarios) {
    if (plan.method !== "GET") continue;
    const url = new URL(plan.url);
    const response = await fetch(`${base}${url.pathname}${url.search}`, {
      headers: { cookie: plan.cookies[0] ?? "" },
    });
    await response.arrayBuffer();
  }
}

async function settledMemory(servers: ChildProcess[], seconds: number): Promise<[number, number]> {
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return servers.map((server) => residentBytesOfTree(server.pid ?? 0) / MIB) as [number, number];
}

async function countFiled(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    "select count(*) from concerns where post_url like 'https://bench.example/filed/%'",
  );
  return Number(rows[0]!.count);
}

function startWorker(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Puts cases past their response deadline with their deadline jobs, as filings schedule
 * them, and lets the two workers take them (each job, and the minute's sweep, may
 * land on either): every case must move once, with one audit event.
 */
async function sweepWithTwoWorkers(client: pg.Client, count: number): Promise<WorkerSweepResult> {
  const { rows: clock } = await client.query<{ since: Date }>("select clock_timestamp() as since");
  const since = clock[0]!.since;
  await client.query("begin");
  const { rows: picked } = await client.query<{ id: string }>(
    // Due two hours ago, their jobs too, as the filings would have scheduled them: ahead of
    // the email jobs that the earlier sweep left in the queue.
    `update concerns set response_due_at = now() - interval '2 hours'
     where id in (select id from concerns where state = 'awaiting_response'
                  and response_due_at > now() and post_url like 'https://bench.example/post/%'
                  order by number desc limit $1)
     returning id`,
    [count],
  );
  const ids = picked.map((row) => row.id);
  await client.query(
    `select graphile_worker.add_job('advance-due-concern', json_build_object('concernId', id::text),
       run_at := now() - interval '2 hours', job_key := 'concern-due:' || id, job_key_mode := 'replace',
       max_attempts := 10)
     from unnest($1::uuid[]) id`,
    [ids],
  );
  await client.query("commit");
  const started = performance.now();
  const holders = new Set<string>();
  const deadline = Date.now() + Math.max(180_000, ids.length * 50);
  for (;;) {
    const { rows } = await client.query<{ remaining: string; jobs: string }>(
      `select (select count(*) from concerns where id = any($1::uuid[])
                 and state = 'awaiting_response') as remaining,
              (select count(*) from graphile_worker.jobs
                where task_identifier = 'advance-due-concern' and key = any($2::text[])) as jobs`,
      [ids, ids.map((id) => `concern-due:${id}`)],
    );
    const { rows: locked } = await client.query<{ locked_by: string }>(
      "select distinct locked_by from graphile_worker.jobs where locked_by is not null",
    );
    for (const row of locked) holders.add(row.locked_by);
    if ((Number(rows[0]!.remaining) === 0 && Number(rows[0]!.jobs) === 0) || Date.now() > deadline)
      break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const seconds = (performance.now() - started) / 1000;
  const { rows: check } = await client.query<{
    moved: string;
    events: string;
    twice: string;
  }>(
    `select
       (select count(*) from concerns where id = any($1::uuid[])
          and state <> 'awaiting_response') as moved,
       (select count(*) from audit_events where entity_type = 'concern'
          and entity_id = any($2::text[]) and action in ('escalated_by_deadline', 'lapsed')
          and occurred_at >= $3) as events,
       (select count(*) from (select entity_id from audit_events
          where entity_type = 'concern' and entity_id = any($2::text[])
            and action in ('escalated_by_deadline', 'lapsed') and occurred_at >= $3
          group by entity_id having count(*) > 1) twice) as twice`,
    [ids, ids, since],
  );
  return {
    due: ids.length,
    moved: Number(check[0]!.moved),
    seconds,
    auditEvents: Number(check[0]!.events),
    movedTwice: Number(check[0]!.twice),
    workersSeenHoldingJobs: holders.size,
  };
}
