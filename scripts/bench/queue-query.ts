/**
 * The officer queue's database query on its own, at scale: its latency over repeated runs
 * and, from EXPLAIN ANALYZE of the very SQL the app sends, the indexes its plan uses.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";
import { listQueue } from "@/lib/queries/compliance-queue";
import { DEFAULT_QUEUE_FILTERS, type QueueFilters } from "@/lib/queries/queue-filters";

export interface QueueQueryResult {
  variants: Array<{ name: string; p50: number; p95: number; indexes: string[] }>;
}

const RUNS = 200;

/** The queue views the benchmark measures, by name; also used for the HTTP scenarios. */
export interface QueueView {
  name: string;
  filters: Partial<QueueFilters>;
}

export async function measureQueueQuery(
  url: string,
  officerEmail: string,
  views: readonly QueueView[],
): Promise<QueueQueryResult> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on("error", () => {});
  let captured: { sql: string; params: unknown[] } | null = null;
  const db = drizzle(pool, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (sql, params) => (captured = { sql, params }) },
  });
  try {
    const {
      rows: [officer],
    } = await pool.query<{ id: string; name: string; email: string; department_id: string | null }>(
      "select id, name, email, department_id from users where email = $1",
      [officerEmail],
    );
    const actor: Actor = {
      userId: officer!.id,
      sessionId: "bench",
      name: officer!.name,
      email: officer!.email,
      departmentId: officer!.department_id,
      roles: ["compliance_officer"],
    };
    const variants: QueueQueryResult["variants"] = [];
    const now = new Date();
    for (const view of views) {
      const name = view.name;
      const run = () => listQueue(db, actor, { ...DEFAULT_QUEUE_FILTERS, ...view.filters }, now);
      const timings: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      const query = captured as { sql: string; params: unknown[] } | null;
      variants.push({
        name,
        p50: timings[Math.floor(RUNS * 0.5)]!,
        p95: timings[Math.floor(RUNS * 0.95)]!,
        indexes: query ? await indexesUsed(pool, query.sql, query.params) : [],
      });
    }
    return { variants };
  } finally {
    await pool.end();
  }
}

async function indexesUsed(pool: pg.Pool, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await pool.query<{ "QUERY PLAN": unknown }>(
    `explain (analyze, format json) ${sql}`,
    params,
  );
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record["Index Name"] === "string") names.add(record["Index Name"]);
    for (const value of Object.values(record)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === "object") walk(value);
    }
  };
  walk(rows[0]?.["QUERY PLAN"]);
  return [...names];
}
