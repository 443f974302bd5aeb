import type pg from "pg";

/** The plan PostgreSQL would run for a query, as JSON text, to look for index names in. */
export async function planOf(
  on: pg.Pool | pg.PoolClient,
  query: { sql: string; params: unknown[] },
): Promise<string> {
  const { rows } = await on.query(`explain (format json) ${query.sql}`, query.params);
  return JSON.stringify(rows[0]["QUERY PLAN"]);
}
