/**
 * Where a page's time goes, per load scenario (`npm run bench -- --profile`): the server
 * runs with request-profile.cjs preloaded, which writes one JSON line per request (SQL
 * statements, their time, the session check, the whole request); this module marks which
 * lines each scenario produced and summarises them as medians per request.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";

export interface ProfiledRequest {
  method: string;
  path: string;
  status: number;
  queries: number;
  /** Sum of every statement's time; statements run side by side each count. */
  dbMs: number;
  /** Time at least one statement was running. */
  dbWallMs: number;
  sessionQueries: number;
  sessionMs: number;
  totalMs: number;
}

export interface ScenarioProfile {
  requests: number;
  queriesPerRequest: number;
  dbMs: number;
  dbWallMs: number;
  sessionQueries: number;
  sessionMs: number;
  totalMs: number;
  /** Everything but waiting on the database: rendering, the framework, the event loop. */
  otherMs: number;
}

const enabled = process.argv.includes("--profile");
const file = path.resolve("bench/request-profile.jsonl");
const profiles = new Map<string, ScenarioProfile>();

/** What the server's environment needs to profile its requests; nothing unless profiling. */
export function requestProfileEnv(): Record<string, string> {
  if (!enabled) return {};
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  const preload = path.resolve("scripts/bench/request-profile.cjs");
  return {
    BENCH_REQUEST_PROFILE: file,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${preload}`.trim(),
  };
}

/** Runs one scenario and keeps the summary of the requests the server profiled meanwhile. */
export async function profileScenario<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!enabled) return run();
  const from = existsSync(file) ? statSync(file).size : 0;
  const result = await run();
  // A response's line is written when its connection closes, just after the client saw it.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const lines = readFileSync(file).subarray(from).toString("utf8").split("\n").filter(Boolean);
  const profile = summarise(lines.map((line) => JSON.parse(line) as ProfiledRequest));
  profiles.set(name, profile);
  // Said as each scenario ends, so a run stopped early still shows what it measured.
  const load = result as { requestsPerSecond?: number; p95?: number };
  console.log(
    `  ${load.requestsPerSecond?.toFixed(1) ?? "?"} req/s, p95 ${load.p95?.toFixed(0) ?? "?"} ms; ` +
      `per request ${profile.queriesPerRequest} queries, db ${profile.dbMs.toFixed(1)} ms ` +
      `(wall ${profile.dbWallMs.toFixed(1)}), session ${profile.sessionMs.toFixed(1)} ms, ` +
      `total ${profile.totalMs.toFixed(1)} ms (${profile.requests} requests)`,
  );
  return result;
}

export function summarise(requests: readonly ProfiledRequest[]): ScenarioProfile {
  const median = (pick: (request: ProfiledRequest) => number) => {
    const sorted = requests.map(pick).sort((a, b) => a - b);
    if (sorted.length === 0) return 0;
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  return {
    requests: requests.length,
    queriesPerRequest: median((r) => r.queries),
    dbMs: median((r) => r.dbMs),
    dbWallMs: median((r) => r.dbWallMs),
    sessionQueries: median((r) => r.sessionQueries),
    sessionMs: median((r) => r.sessionMs),
    totalMs: median((r) => r.totalMs),
    otherMs: median((r) => r.totalMs - r.dbWallMs),
  };
}

/** The report's optional columns for one scenario: empty unless profiling. */
export function profileColumns(name: string): Record<string, string> {
  const profile = profiles.get(name);
  if (!enabled || !profile) return {};
  return {
    "queries/req": profile.queriesPerRequest.toString(),
    "db ms": profile.dbMs.toFixed(1),
    "session ms": profile.sessionMs.toFixed(1),
  };
}

/** Every profiled scenario in full (medians per request), for the log and results.json. */
export function reportRequestProfiles(
  log: (line: string) => void,
): Record<string, ScenarioProfile> {
  if (!enabled) return {};
  log(
    "Per request, medians (db = sum of statement times; db wall = time any ran; other = total − db wall):",
  );
  console.table(
    [...profiles].map(([scenario, p]) => ({
      scenario,
      requests: p.requests,
      queries: p.queriesPerRequest,
      "db ms": p.dbMs.toFixed(1),
      "db wall ms": p.dbWallMs.toFixed(1),
      "session q": p.sessionQueries,
      "session ms": p.sessionMs.toFixed(1),
      "total ms": p.totalMs.toFixed(1),
      "other ms": p.otherMs.toFixed(1),
    })),
  );
  return Object.fromEntries(profiles);
}
