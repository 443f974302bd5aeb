import { readFileSync } from "node:fs";
import pg from "pg";

/**
 * Test setup that talks to the e2e server's own embedded database (never the dev one):
 * only to change organisation settings, which an administrator could do in the UI, to
 * values the UI does not offer (a deadline seconds away instead of hours).
 */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const password = readFileSync(".data/e2e/postgres/postgres-password", "utf8").trim();
  const client = new pg.Client({
    host: "127.0.0.1",
    port: Number(process.env.E2E_PG_PORT ?? 54339),
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

export async function setWorkflowSettings(settings: {
  remediationWindowSeconds?: number;
  dailyFilingLimit?: number;
}) {
  await withE2eDatabase((client) =>
    client.query(
      `insert into organisation_settings (singleton, remediation_window_seconds, daily_filing_limit)
       values (true, $1, $2)
       on conflict (singleton) do update set remediation_window_seconds = $1, daily_filing_limit = $2`,
      [settings.remediationWindowSeconds ?? 7 * 24 * 3600, settings.dailyFilingLimit ?? 100],
    ),
  );
}
