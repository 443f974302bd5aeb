import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { GENESIS_HASH, HeadsDigest } from "./audit-chain";
import { ANCHORS_CHAIN, type AuditProblem, describe } from "./audit-problems";
import type { PublishedAnchor } from "./publish-anchor";
import {
  recomputeAnchorHash,
  STORED_ANCHOR_COLUMNS,
  type StoredAnchor,
  type StoredAnchorRow,
  storedAnchorFrom,
} from "./stored-anchor";
import type { AuditVerification } from "./verify-audit-trail";

/** Rows read at a time, so memory stays flat on large trails. */
export const BATCH = 5_000;

/*
 * The anchors' side of verifying the audit trail: each anchor against the one before it,
 * the heads each pinned against the events, and the anchors against a copy published
 * outside the database. verify-audit-trail.ts walks the events themselves.
 */

/**
 * Every head every anchor pinned, version 1 lists and version 2 rows alike, against the
 * events: still there, with the same hash, and never behind the head an earlier anchor
 * pinned for the same chain. One statement; the first problem per chain.
 */
export async function verifyPins(db: Db): Promise<Map<string, AuditProblem>> {
  const result = await db.execute<{
    entity_type: string;
    entity_id: string;
    anchor_id: string;
    event_id: string | null;
    kind: "missing" | "rewritten" | "moved_back";
    previous_event_id: string | null;
    previous_anchor_id: string | null;
  }>(sql`
    with pins as (
      select a.id as anchor_id, h->>0 as entity_type, h->>1 as entity_id,
             case when h->>2 ~ '^[0-9]{1,18}$' then (h->>2)::bigint end as event_id,
             h->>3 as hash
        from audit_anchors a
        cross join lateral jsonb_array_elements(
          case when jsonb_typeof(a.heads) = 'array' then a.heads else '[]'::jsonb end) h
       where a.version = 1
      union all
      select anchor_id, entity_type, entity_id, event_id, hash from audit_anchor_heads
    ),
    checked as (
      select p.anchor_id, p.entity_type, p.entity_id, p.event_id,
             e.id is not null as present,
             e.hash is not distinct from p.hash as same_hash,
             lag(p.event_id) over chain as previous_event_id,
             lag(p.anchor_id) over chain as previous_anchor_id
        from pins p
        left join audit_events e
          on e.id = p.event_id and e.entity_type = p.entity_type and e.entity_id = p.entity_id
      window chain as (partition by p.entity_type, p.entity_id order by p.anchor_id)
    )
    select distinct on (entity_type, entity_id)
           entity_type, entity_id, anchor_id::text, event_id::text,
           case when not present then 'missing'
                when not same_hash then 'rewritten'
                else 'moved_back' end as kind,
           previous_event_id::text, previous_anchor_id::text
      from checked
     where not present or not same_hash or event_id < previous_event_id
     order by entity_type, entity_id, checked.anchor_id`);
  const problems = new Map<string, AuditProblem>();
  for (const row of result.rows) {
    const chain = `${row.entity_type}:${row.entity_id}`;
    const eventId = row.event_id === null ? null : Number(row.event_id);
    const anchorId = Number(row.anchor_id);
    problems.set(chain, {
      chain,
      id: eventId,
      problem:
        row.kind === "missing"
          ? describe.pinMissing(eventId ?? 0, anchorId)
          : row.kind === "rewritten"
            ? describe.pinRewritten(anchorId)
            : describe.headMovedBack(
                Number(row.previous_event_id),
                Number(row.previous_anchor_id),
                anchorId,
              ),
    });
  }
  return problems;
}

export async function loadAnchors(db: Db): Promise<StoredAnchor[]> {
  const result = await db.execute<StoredAnchorRow>(
    sql`select ${STORED_ANCHOR_COLUMNS} from audit_anchors order by audit_anchors.id`,
  );
  return result.rows.map(storedAnchorFrom);
}

export function verifyAnchorChain(anchors: StoredAnchor[]): AuditProblem[] {
  let previousHash = GENESIS_HASH;
  let previousId: number | null = null;
  for (const anchor of anchors) {
    if (recomputeAnchorHash(anchor) !== anchor.hash) {
      return [{ chain: ANCHORS_CHAIN, id: anchor.id, problem: describe.anchorAltered() }];
    }
    if (anchor.prevHash !== previousHash) {
      return [
        {
          chain: ANCHORS_CHAIN,
          id: anchor.id,
          problem:
            previousId === null
              ? describe.earlierAnchorsDeleted()
              : describe.anchorNotFollowing(previousId),
        },
      ];
    }
    previousHash = anchor.hash;
    previousId = anchor.id;
  }
  return [];
}

type PinRow = {
  anchor_id: string;
  entity_type: string;
  entity_id: string;
  event_id: string;
  hash: string;
};

/**
 * Each version 2 anchor's pinned heads, streamed in its own order, must give the digest
 * and count its hash covers; a version 1 anchor pins nothing there.
 */
export async function verifyAnchorHeads(db: Db, anchors: StoredAnchor[]): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const digests = new Map<number, HeadsDigest>();
  let after: { anchorId: number; eventId: number } | null = null;
  for (;;) {
    const where: SQL = after
      ? sql`where (anchor_id, event_id) > (${after.anchorId}::bigint, ${after.eventId}::bigint)`
      : sql``;
    const result: { rows: PinRow[] } =
      await db.execute<PinRow>(sql`select anchor_id::text, entity_type, entity_id, event_id::text, hash
             from audit_anchor_heads ${where}
            order by audit_anchor_heads.anchor_id, audit_anchor_heads.event_id
            limit ${BATCH}`);
    for (const row of result.rows) {
      const anchorId = Number(row.anchor_id);
      let digest = digests.get(anchorId);
      if (!digest) {
        digest = new HeadsDigest();
        digests.set(anchorId, digest);
      }
      digest.add({
        entityType: row.entity_type,
        entityId: row.entity_id,
        eventId: Number(row.event_id),
        hash: row.hash,
      });
    }
    if (result.rows.length < BATCH) break;
    const last: PinRow = result.rows.at(-1)!;
    after = { anchorId: Number(last.anchor_id), eventId: Number(last.event_id) };
  }
  for (const anchor of anchors) {
    const digest = digests.get(anchor.id);
    const matches =
      anchor.version === 1
        ? digest === undefined
        : digest !== undefined &&
          digest.count === anchor.headCount &&
          digest.hex() === anchor.headsDigest;
    if (!matches) {
      problems.push({
        chain: ANCHORS_CHAIN,
        id: anchor.id,
        problem: describe.anchorHeadsAltered(),
      });
    }
  }
  return problems;
}

/**
 * The database against a copy of the anchors kept outside it. Anchors newer than the copy
 * are not yet published (the copy is older than the database), not a problem.
 */
export function compareWithPublished(
  anchors: readonly StoredAnchor[],
  published: readonly PublishedAnchor[],
  problems: AuditProblem[],
): NonNullable<AuditVerification["published"]> {
  const stored = new Map(anchors.map((anchor) => [anchor.id, anchor.hash]));
  const seen = new Set<string>();
  let newest: number | null = null;
  for (const copy of published) {
    const key = `${copy.id}:${copy.hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    newest = Math.max(newest ?? copy.id, copy.id);
    const hash = stored.get(copy.id);
    if (hash === undefined) {
      problems.push({
        chain: ANCHORS_CHAIN,
        id: copy.id,
        problem: describe.publishedMissing(copy.hash),
      });
    } else if (hash !== copy.hash) {
      problems.push({
        chain: ANCHORS_CHAIN,
        id: copy.id,
        problem: describe.publishedDiffers(copy.hash, hash),
      });
    }
  }
  return {
    anchors: seen.size,
    newest,
    notYetPublished: anchors.filter((anchor) => newest === null || anchor.id > newest).length,
  };
}
