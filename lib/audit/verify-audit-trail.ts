import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { GENESIS_HASH, hashAuditEvent, type StoredAuditEvent } from "./audit-chain";
import { type AuditProblem, describe } from "./audit-problems";
import type { PublishedAnchor } from "./publish-anchor";
import { type CaseEvent, replayCaseHistory, type StoredCase } from "./replay-case-history";
import {
  BATCH,
  compareWithPublished,
  loadAnchors,
  verifyAnchorChain,
  verifyAnchorHeads,
  verifyPins,
} from "./verify-anchors";

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

async function casesWithoutHistory(db: Db): Promise<AuditProblem[]> {
  // A pattern review, too, is opened only with its audit event.
  const result = await db.execute<{ chain: string }>(sql`
    select chain from (
      select 'concern:' || c.id::text as chain from concerns c
       where not exists (select 1 from audit_events e
                          where e.entity_type = 'concern' and e.entity_id = c.id::text)
      union all
      select 'pattern_review:' || r.id::text from pattern_reviews r
       where not exists (select 1 from audit_events e
                          where e.entity_type = 'pattern_review' and e.entity_id = r.id::text)
    ) missing
     order by chain`);
  return result.rows.map((row) => ({
    chain: row.chain,
    id: null,
    problem: row.chain.startsWith("concern:")
      ? "it has no history: the case was added outside the app"
      : "it has no history: the review was added outside the app",
  }));
}
