import { sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { auditAnchors } from "@/db/schema";
import { type AnchorSinks, anchorSinks } from "@/lib/config";
import { alertAuditBreak } from "./alert-audit-break";
import { GENESIS_HASH, hashAnchorV2 } from "./audit-chain";
import { ANCHORS_CHAIN, type AuditProblem, describe } from "./audit-problems";
import {
  checkChangesSinceAnchor,
  headsToPin,
  type PreviousAnchor,
} from "./check-changes-since-anchor";
import { enqueueAnchorPublication } from "./publish-anchor";
import {
  recomputeAnchorHash,
  STORED_ANCHOR_COLUMNS,
  type StoredAnchor,
  type StoredAnchorRow,
  storedAnchorFrom,
} from "./stored-anchor";

export const ANCHOR_AUDIT_CHAINS = "anchor-audit-chains";

export interface AnchorRecord {
  id: number;
  hash: string;
  createdAt: Date;
}

export interface AnchorOutcome {
  /** The anchor written, or null when nothing moved (or nothing that still adds up). */
  anchor: AnchorRecord | null;
  /** What the check found: each of these chains was left out of the anchor. */
  problems: AuditProblem[];
  /** The problems not reported before, for which administrators and officers were alerted. */
  alerted: AuditProblem[];
}

/**
 * Pins the heads of the audit chains that moved since the last anchor, chained to that
 * anchor. Runs from the worker's cron (lib/jobs/start-worker.ts) and on demand
 * (`npm run audit:verify -- --anchor`), one writer at a time.
 *
 * It first checks what changed since the last anchor (check-changes-since-anchor.ts) and
 * never anchors over a break: a chain that no longer follows from its last pinned head is
 * left out, and every administrator and officer is told, once per break. If the last
 * anchor itself no longer adds up, nothing is anchored at all. In the same transaction it
 * queues the anchor's publication outside the database (publish-anchor.ts).
 */
export async function anchorAuditChains(
  db: Database,
  options: { now?: Date; sinks?: AnchorSinks } = {},
): Promise<AnchorOutcome> {
  const now = options.now ?? new Date();
  const sinks = options.sinks ?? anchorSinks();
  return db.transaction(async (tx) => {
    // One anchor writer at a time, so anchors form one chain; audit writes never wait.
    // READ COMMITTED: each statement below sees what the previous writer committed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('audit-anchor'))`);
    const previous = await loadLatestAnchor(tx);
    const brokenTip = previous ? await checkAnchorTip(tx, previous) : null;
    if (brokenTip) {
      return {
        anchor: null,
        problems: [brokenTip],
        alerted: await alertAuditBreak(tx, [brokenTip], now),
      };
    }

    const check = await checkChangesSinceAnchor(tx, previous);
    const alerted = await alertAuditBreak(tx, check.problems, now);
    const heads = headsToPin(
      previous,
      check,
      check.problems.map((problem) => problem.chain),
    );
    const digest = await tx.execute<{ count: number; digest: string | null }>(sql`
      with ${heads}
      select count(*)::int as count,
             encode(sha256(string_agg(sha256(convert_to(${HEAD_LEAF}, 'UTF8')), ''::bytea
                                      order by event_id)), 'hex') as digest
        from heads`);
    const [{ count, digest: headsDigest }] = digest.rows as [{ count: number; digest: string }];
    if (count === 0) return { anchor: null, problems: check.problems, alerted };

    const prevHash = previous?.hash ?? GENESIS_HASH;
    const hash = hashAnchorV2({
      prevHash,
      createdAt: now,
      xactHorizon: check.horizon,
      headCount: count,
      headsDigest,
    });
    const [anchor] = await tx
      .insert(auditAnchors)
      .values({
        createdAt: now,
        version: 2,
        heads: null,
        xactHorizon: check.horizon,
        headCount: count,
        headsDigest,
        prevHash,
        hash,
      })
      .returning({ id: auditAnchors.id });
    const pinned = await tx.execute(sql`
      with ${heads}
      insert into audit_anchor_heads (anchor_id, entity_type, entity_id, event_id, hash)
      select ${anchor!.id}, entity_type, entity_id, event_id, hash from heads`);
    // Both statements read the same snapshot's rows; a difference would be a bug.
    if (pinned.rowCount !== count) {
      throw new Error(
        `Anchor heads changed while anchoring: ${count} digested, ${pinned.rowCount} stored.`,
      );
    }
    await enqueueAnchorPublication(tx, anchor!.id, sinks);
    return { anchor: { id: anchor!.id, hash, createdAt: now }, problems: check.problems, alerted };
  });
}

/**
 * A head's canonical form in SQL, as HeadsDigest computes it in lib/audit/audit-chain.ts:
 * each field "<byte length>:<text>", joined by "|".
 */
const HEAD_LEAF = sql.raw(
  ["entity_type", "entity_id", "event_id::text", "hash"]
    .map((field) => `octet_length(${field})::text || ':' || ${field}`)
    .join(` || '|' || `),
);

type LatestAnchor = StoredAnchor & PreviousAnchor;

async function loadLatestAnchor(tx: Db): Promise<LatestAnchor | null> {
  const result = await tx.execute<StoredAnchorRow & { last_pinned_event_id: string }>(
    sql`select ${STORED_ANCHOR_COLUMNS},
                (select coalesce(max(h.event_id), 0) from audit_anchor_heads h
                  where h.anchor_id = audit_anchors.id)::text as last_pinned_event_id
           from audit_anchors order by audit_anchors.id desc limit 1`,
  );
  const [row] = result.rows;
  if (!row) return null;
  return { ...storedAnchorFrom(row), lastPinnedEventId: Number(row.last_pinned_event_id) };
}

/**
 * The anchor the next one would chain to must still be what was written: its own hash
 * (its pinned heads' digest is audit:verify's to check) and its link to the one before.
 */
async function checkAnchorTip(tx: Db, tip: LatestAnchor): Promise<AuditProblem | null> {
  const recomputed = recomputeAnchorHash(tip);
  if (recomputed !== tip.hash) {
    return { chain: ANCHORS_CHAIN, id: tip.id, problem: describe.anchorAltered() };
  }
  const before = await tx.execute<{ id: string; hash: string }>(
    sql`select id::text, hash from audit_anchors where audit_anchors.id < ${tip.id}
          order by audit_anchors.id desc limit 1`,
  );
  const [predecessor] = before.rows;
  if (tip.prevHash !== (predecessor?.hash ?? GENESIS_HASH)) {
    return {
      chain: ANCHORS_CHAIN,
      id: tip.id,
      problem: predecessor
        ? describe.anchorNotFollowing(Number(predecessor.id))
        : describe.earlierAnchorsDeleted(),
    };
  }
  return null;
}
