import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type AnchoredHead,
  GENESIS_HASH,
  HeadsDigest,
  hashAnchor,
  hashAnchorV2,
  hashAuditEvent,
  type StoredAuditEvent,
} from "./audit-chain";
import { ANCHORS_CHAIN, type AuditProblem, describe } from "./audit-problems";
import type { PublishedAnchor } from "./publish-anchor";
import { type CaseEvent, replayCaseHistory, type StoredCase } from "./replay-case-history";

export type { AuditProblem } from "./audit-problems";

export interface AuditVerification {
  chains: number;
  events: number;
  anchors: number;
  /** Cases whose history was replayed against their stored row. */
  cases: number;
  /** When compared with a copy kept outside the database. */
  published?: { anchors: number; newest: number | null; notYetPublished: number };
  problems: AuditProblem[];
}

const BATCH = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Recomputes every chain and anchor from the stored rows and reports, per chain, where it
 * stops adding up:
 * - an event altered (its fields no longer give its hash), missing or inserted (it does
 *   not follow the event before it);
 * - a head pinned by any anchor, not only the latest, that is gone or whose hash changed
 *   (events deleted or rewritten, even with the chain recomputed and re-anchored since),
 *   or a chain whose pinned head moved back from one anchor to the next;
 * - an anchor altered, inserted or removed, or whose pinned heads were changed;
 * - a case whose stored state, reporter, colleague or disclosure is not what its events
 *   say, whose events no longer follow one another, or that has no history at all;
 * - with `published`, an anchor whose hash differs from the copy kept outside the
 *   database (the whole trail and its anchors recomputed).
 * Reads only. Events are streamed chain by chain, so memory stays flat on large trails.
 */
export async function verifyAuditTrail(
  db: Db,
  options: { published?: readonly PublishedAnchor[] } = {},
): Promise<AuditVerification> {
  const anchors = await loadAnchors(db);
  const problems: AuditProblem[] = [
    ...verifyAnchorChain(anchors),
    ...(await verifyAnchorHeads(db, anchors)),
  ];
  const published = options.published
    ? compareWithPublished(anchors, options.published, problems)
    : undefined;

  const pinProblems = await verifyPins(db);
  let chains = 0;
  let events = 0;
  let cases = 0;
  let current = null as ChainState | null;
  let caseRows = new Map<string, StoredCase>();
  let after: { entityType: string; entityId: string; id: string } | null = null;

  const finish = (chain: ChainState) => {
    if (chain.problem) problems.push(chain.problem);
    const pinProblem = pinProblems.get(chain.key);
    if (pinProblem) {
      problems.push(pinProblem);
      pinProblems.delete(chain.key);
    }
    if (chain.caseEvents) {
      cases++;
      for (const found of replayCaseHistory(
        chain.caseEvents,
        caseRows.get(chain.entityId) ?? null,
      )) {
        problems.push({ chain: chain.key, ...found });
      }
    }
  };

  for (;;) {
    const batch = await loadEvents(db, after);
    caseRows = await loadCases(
      db,
      batch,
      current ? caseRows.get(current.entityId) : undefined,
      current?.entityId,
    );
    for (const event of batch) {
      events++;
      const key = `${event.entityType}:${event.entityId}`;
      if (key !== current?.key) {
        if (current) finish(current);
        chains++;
        current = {
          key,
          entityId: event.entityId,
          previousHash: GENESIS_HASH,
          previousId: null,
          problem: null,
          caseEvents: event.entityType === "concern" ? [] : null,
        };
      }
      const id = Number(event.id);
      current.caseEvents?.push({
        id,
        actorId: event.actorId,
        action: event.action,
        details: parseDetails(event.details),
      });
      if (current.problem) continue;
      const problem = checkEvent(event, current.previousHash, current.previousId);
      if (problem) current.problem = { chain: key, id, problem };
      current.previousHash = event.hash ?? "";
      current.previousId = id;
    }
    if (batch.length < BATCH) break;
    const last = batch.at(-1)!;
    after = { entityType: last.entityType, entityId: last.entityId, id: last.id };
  }
  if (current) finish(current);

  // Pinned chains with no event left at all: deleted whole.
  problems.push(...pinProblems.values());
  problems.push(...(await casesWithoutHistory(db)));
  return { chains, events, anchors: anchors.length, cases, published, problems };
}

interface ChainState {
  key: string;
  entityId: string;
  previousHash: string;
  previousId: number | null;
  problem: AuditProblem | null;
  /** A case's events, replayed when its chain ends; null for other entities. */
  caseEvents: CaseEvent[] | null;
}

function checkEvent(
  event: StoredAuditEvent,
  previousHash: string,
  previousId: number | null,
): string | null {
  if (!event.hash || !event.prevHash) return describe.unchained();
  if (hashAuditEvent(event, event.prevHash) !== event.hash) return describe.altered();
  if (event.prevHash !== previousHash) {
    return previousId === null ? describe.missingPredecessor() : describe.notFollowing(previousId);
  }
  return null;
}

function parseDetails(details: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
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

/** The stored rows of the cases in a batch of events (and of the chain still open). */
async function loadCases(
  db: Db,
  batch: readonly StoredAuditEvent[],
  carried: StoredCase | undefined,
  carriedId: string | undefined,
): Promise<Map<string, StoredCase>> {
  const rows = new Map<string, StoredCase>();
  if (carried && carriedId) rows.set(carriedId, carried);
  const ids = [
    ...new Set(
      batch
        .filter((event) => event.entityType === "concern" && UUID.test(event.entityId))
        .map((event) => event.entityId),
    ),
  ];
  if (ids.length === 0) return rows;
  const result = await db.execute<{
    id: string;
    state: string;
    reporter_id: string;
    subject_id: string;
    disclosure: string;
  }>(sql`select id::text, state::text, reporter_id::text, subject_id::text, disclosure::text
           from concerns
          where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
  for (const row of result.rows) {
    rows.set(row.id, {
      state: row.state,
      reporterId: row.reporter_id,
      subjectId: row.subject_id,
      disclosure: row.disclosure,
    });
  }
  return rows;
}

/**
 * Every head every anchor pinned, version 1 lists and version 2 rows alike, against the
 * events: still there, with the same hash, and never behind the head an earlier anchor
 * pinned for the same chain. One statement; the first problem per chain.
 */
async function verifyPins(db: Db): Promise<Map<string, AuditProblem>> {
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

async function casesWithoutHistory(db: Db): Promise<AuditProblem[]> {
  const result = await db.execute<{ id: string }>(sql`
    select c.id::text from concerns c
     where not exists (select 1 from audit_events e
                        where e.entity_type = 'concern' and e.entity_id = c.id::text)
     order by c.id`);
  return result.rows.map((row) => ({
    chain: `concern:${row.id}`,
    id: null,
    problem: "it has no history: the case was added outside the app",
  }));
}

interface StoredAnchor {
  id: number;
  createdAt: Date;
  version: number;
  heads: AnchoredHead[] | null;
  xactHorizon: string | null;
  headCount: number | null;
  headsDigest: string | null;
  prevHash: string;
  hash: string;
}

async function loadAnchors(db: Db): Promise<StoredAnchor[]> {
  const result = await db.execute<{
    id: string;
    created_at: Date;
    version: number;
    heads: AnchoredHead[] | null;
    xact_horizon: string | null;
    head_count: number | null;
    heads_digest: string | null;
    prev_hash: string;
    hash: string;
  }>(sql`select audit_anchors.id::text as id, created_at, version, heads,
                xact_horizon::text, head_count, heads_digest, prev_hash, hash
           from audit_anchors order by audit_anchors.id`);
  return result.rows.map((row) => ({
    id: Number(row.id),
    createdAt: new Date(row.created_at),
    version: row.version,
    heads: row.heads,
    xactHorizon: row.xact_horizon,
    headCount: row.head_count,
    headsDigest: row.heads_digest,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

function recomputeAnchorHash(anchor: StoredAnchor): string | null {
  if (anchor.version === 1 && anchor.heads) {
    return hashAnchor(anchor.prevHash, anchor.createdAt, anchor.heads);
  }
  if (
    anchor.version === 2 &&
    anchor.xactHorizon !== null &&
    anchor.headCount !== null &&
    anchor.headsDigest !== null
  ) {
    return hashAnchorV2({
      prevHash: anchor.prevHash,
      createdAt: anchor.createdAt,
      xactHorizon: anchor.xactHorizon,
      headCount: anchor.headCount,
      headsDigest: anchor.headsDigest,
    });
  }
  return null;
}

function verifyAnchorChain(anchors: StoredAnchor[]): AuditProblem[] {
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
async function verifyAnchorHeads(db: Db, anchors: StoredAnchor[]): Promise<AuditProblem[]> {
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
function compareWithPublished(
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
