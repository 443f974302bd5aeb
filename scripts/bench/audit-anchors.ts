/**
 * The audit trail at scale: how long the anchor job takes to check what changed and pin
 * it (the first anchor checks the whole seeded trail; a later one only what moved), and
 * how long `npm run audit:verify` takes over everything, which must find nothing wrong.
 */
import type pg from "pg";
import { connectDatabase } from "@/db/client";
import { anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";

export interface AnchorTiming {
  label: string;
  /** Events from transactions the previous anchor had not seen (all of them for the first). */
  changedEvents: number;
  pinnedHeads: number;
  seconds: number;
}

export interface VerifyTiming {
  events: number;
  chains: number;
  cases: number;
  problems: number;
  /** The first few, to say what went wrong. */
  examples: string[];
  seconds: number;
}

export async function timeAnchor(
  client: pg.Client,
  url: string,
  label: string,
): Promise<AnchorTiming> {
  const { rows } = await client.query<{ changed: string }>(
    `select count(*) as changed from audit_events
      where xact_id >= coalesce((select xact_horizon from audit_anchors order by id desc limit 1), '0')
         or not exists (select 1 from audit_anchors where version = 2)`,
  );
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    const started = performance.now();
    const { anchor } = await anchorAuditChains(db, { sinks: { file: null, email: null } });
    const seconds = (performance.now() - started) / 1000;
    const { rows: heads } = await client.query<{ count: string }>(
      "select count(*) from audit_anchor_heads where anchor_id = $1",
      [anchor?.id ?? 0],
    );
    return {
      label,
      changedEvents: Number(rows[0]!.changed),
      pinnedHeads: Number(heads[0]!.count),
      seconds,
    };
  } finally {
    await pool.end();
  }
}

/** A quiet quarter of an hour: officers open a handful of case files. */
export async function openCaseFiles(client: pg.Client, count: number): Promise<void> {
  await client.query(
    `insert into audit_events (actor_id, action, entity_type, entity_id, details)
     select (select id from users join user_roles on user_id = id
              where role = 'compliance_officer' limit 1),
            'case_viewed', 'case_access', c.id::text, '{"seen": ["case_file"]}'::jsonb
       from (select id from concerns where escalated_at is not null order by number desc limit $1) c`,
    [count],
  );
}

export async function timeVerify(url: string): Promise<VerifyTiming> {
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    const started = performance.now();
    const result = await verifyAuditTrail(db);
    return {
      events: result.events,
      chains: result.chains,
      cases: result.cases,
      problems: result.problems.length,
      examples: result.problems
        .slice(0, 5)
        .map(({ chain, id, problem }) => `${chain} ${id ?? ""}: ${problem}`),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await pool.end();
  }
}
