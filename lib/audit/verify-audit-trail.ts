import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type AnchoredHead,
  GENESIS_HASH,
  hashAnchor,
  hashAuditEvent,
  type StoredAuditEvent,
} from "./audit-chain";

export interface AuditProblem {
  /** "concern:<id>", "user:<id>", … or "anchors". */
  chain: string;
  /** The first event (or anchor) where the trail stops adding up. */
  id: number | null;
  problem: string;
}

export interface AuditVerification {
  chains: number;
  events: number;
  anchors: number;
  problems: AuditProblem[];
}

const BATCH = 5_000;

/**
 * Recomputes every chain and anchor from the stored rows and reports, per chain, the first
 * event that does not add up: altered (its fields no longer give its hash), missing or
 * inserted (it does not follow the event before it), or missing at the end (a chain's
 * events after the last anchor's head are gone). Reads only.
 */
export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const anchors = await loadAnchors(db);
  const problems: AuditProblem[] = verifyAnchorChain(anchors);
  const latest = anchors.at(-1);
  // What the latest anchor pinned: each chain's head at that moment.
  const pinned = new Map<string, { eventId: number; hash: string; seen: boolean }>();
  for (const [entityType, entityId, eventId, hash] of latest?.heads ?? []) {
    pinned.set(`${entityType}:${entityId}`, { eventId, hash, seen: false });
  }

  let chains = 0;
  let events = 0;
  let current: { key: string; previousHash: string; previousId: number | null; broken: boolean } = {
    key: "",
    previousHash: GENESIS_HASH,
    previousId: null,
    broken: true,
  };
  let after: { entityType: string; entityId: string; id: string } | null = null;

  for (;;) {
    const batch = await loadEvents(db, after);
    for (const event of batch) {
      events++;
      const key = `${event.entityType}:${event.entityId}`;
      if (key !== current.key) {
        chains++;
        current = { key, previousHash: GENESIS_HASH, previousId: null, broken: false };
      }
      const id = Number(event.id);
      const pin = pinned.get(key);
      if (pin && pin.eventId === id) {
        pin.seen = true;
        if (event.hash !== pin.hash && !current.broken) {
          current.broken = true;
          problems.push({
            chain: key,
            id,
            problem: `its hash differs from the one anchor ${latest!.id} recorded: the event was rewritten`,
          });
        }
      }
      if (current.broken) continue;
      const problem = checkEvent(event, current.previousHash, current.previousId);
      if (problem) {
        current.broken = true;
        problems.push({ chain: key, id, problem });
      }
      current.previousHash = event.hash ?? "";
      current.previousId = id;
    }
    if (batch.length < BATCH) break;
    const last = batch.at(-1)!;
    after = { entityType: last.entityType, entityId: last.entityId, id: last.id };
  }

  for (const [key, pin] of pinned) {
    if (pin.seen) continue;
    problems.push({
      chain: key,
      id: pin.eventId,
      problem: `event ${pin.eventId}, this chain's head at anchor ${latest!.id}, is missing: events were deleted`,
    });
  }
  return { chains, events, anchors: anchors.length, problems };
}

function checkEvent(
  event: StoredAuditEvent,
  previousHash: string,
  previousId: number | null,
): string | null {
  if (!event.hash || !event.prevHash) {
    return "it has no hash: it was inserted with the chaining trigger disabled";
  }
  if (hashAuditEvent(event, event.prevHash) !== event.hash) {
    return "its fields no longer match its hash: the event was altered";
  }
  if (event.prevHash !== previousHash) {
    return previousId === null
      ? "it names a predecessor that does not exist: earlier events of this chain were deleted"
      : `it does not follow event ${previousId}: an event between them was deleted or inserted, or event ${previousId} was rewritten`;
  }
  return null;
}

async function loadEvents(
  db: Db,
  after: { entityType: string; entityId: string; id: string } | null,
): Promise<StoredAuditEvent[]> {
  const where = after
    ? sql`where (entity_type, entity_id, audit_events.id) > (${after.entityType}, ${after.entityId}, ${after.id}::bigint)`
    : sql``;
  const result = await db.execute<{
    id: string;
    occurred_at: string;
    actor_id: string | null;
    action: string;
    entity_type: string;
    entity_id: string;
    details: string;
    prev_hash: string | null;
    hash: string | null;
  }>(sql`select audit_events.id::text as id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
               actor_id::text, action, entity_type, entity_id, details::text, prev_hash, hash
          from audit_events ${where}
         order by entity_type, entity_id, audit_events.id
         limit ${BATCH}`);
  return result.rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

interface StoredAnchor {
  id: number;
  createdAt: Date;
  heads: AnchoredHead[];
  prevHash: string;
  hash: string;
}

async function loadAnchors(db: Db): Promise<StoredAnchor[]> {
  const result = await db.execute<{
    id: string;
    created_at: Date;
    heads: AnchoredHead[];
    prev_hash: string;
    hash: string;
  }>(sql`select audit_anchors.id::text as id, created_at, heads, prev_hash, hash
          from audit_anchors order by audit_anchors.id`);
  return result.rows.map((row) => ({
    id: Number(row.id),
    createdAt: new Date(row.created_at),
    heads: row.heads,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

function verifyAnchorChain(anchors: StoredAnchor[]): AuditProblem[] {
  let previousHash = GENESIS_HASH;
  let previousId: number | null = null;
  for (const anchor of anchors) {
    if (hashAnchor(anchor.prevHash, anchor.createdAt, anchor.heads) !== anchor.hash) {
      return [{ chain: "anchors", id: anchor.id, problem: "the anchor was altered" }];
    }
    if (anchor.prevHash !== previousHash) {
      return [
        {
          chain: "anchors",
          id: anchor.id,
          problem:
            previousId === null
              ? "earlier anchors were deleted"
              : `it does not follow anchor ${previousId}: an anchor was deleted or inserted`,
        },
      ];
    }
    previousHash = anchor.hash;
    previousId = anchor.id;
  }
  return [];
}
