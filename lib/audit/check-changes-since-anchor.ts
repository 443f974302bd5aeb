import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AuditProblem, describe } from "./audit-problems";

/** The anchor the next one continues from, as far as the check needs it. */
export interface PreviousAnchor {
  id: number;
  version: number;
  /** Version 2: the transactions it saw (xid8 as text). */
  xactHorizon: string | null;
  /** The newest event it pinned (0 if none). */
  lastPinnedEventId: number;
}

export interface ChangeCheck {
  /** The snapshot the check read (pg_snapshot as text): the anchor pins what it saw. */
  snapshot: string;
  /** Every transaction below this one had ended when the check read (the next horizon). */
  horizon: string;
  /** The first problem of each chain that changed and no longer adds up. */
  problems: AuditProblem[];
}

/**
 * Verifies, before an anchor is written, everything that changed since the previous one,
 * in one statement: for each chain with an event from a transaction the previous anchor
 * did not see, the head that anchor pinned must still be there with its hash, and every
 * event after it must carry its own hash and follow the one before. So a chain whose
 * pinned events were deleted or rewritten, even with every hash recomputed, is never
 * pinned again, and the anchor never vouches for a laundered trail.
 *
 * The work is proportional to the chains that moved (the partial index on xact_id finds
 * them, the chain index their events after the pin). Only the first version 2 anchor,
 * after version 1 anchors or none, checks every chain in full, once.
 */
export async function checkChangesSinceAnchor(
  db: Db,
  previous: PreviousAnchor | null,
): Promise<ChangeCheck> {
  const incremental = previous?.version === 2 && previous.xactHorizon !== null;
  const changed = incremental
    ? changedSince(previous, sql``)
    : sql`select distinct entity_type, entity_id from audit_events`;
  const result = await db.execute<{
    snapshot: string;
    horizon: string;
    problems: {
      entity_type: string;
      entity_id: string;
      id: number;
      anchor_id: number | null;
      kind: ProblemKind;
      previous_id: number | null;
    }[];
  }>(sql`
    with changed as (${changed}),
    pins as (${pinsOf(previous, incremental)}),
    pin_problems as (
      select p.entity_type, p.entity_id, p.event_id as id, p.anchor_id,
             case when e.id is null then 'pin_missing' else 'pin_rewritten' end as kind,
             null::bigint as previous_id
        from pins p
        left join audit_events e
          on e.id = p.event_id and e.entity_type = p.entity_type and e.entity_id = p.entity_id
       where p.event_id is not null and (e.id is null or e.hash is distinct from p.hash)
    ),
    tail as (
      select e.entity_type, e.entity_id, e.id, e.prev_hash, e.hash, p.event_id as pin_id,
             case when e.id is distinct from p.event_id then audit_event_hash(
               e.prev_hash, e.id, e.occurred_at, e.actor_id, e.action, e.entity_type,
               e.entity_id, e.details) end as recomputed,
             lag(e.hash) over chain as previous_hash,
             lag(e.id) over chain as previous_id
        from pins p
        join audit_events e
          on e.entity_type = p.entity_type and e.entity_id = p.entity_id
         and e.id >= coalesce(p.event_id, 0)
      window chain as (partition by e.entity_type, e.entity_id order by e.id)
    ),
    tail_problems as (
      select entity_type, entity_id, id, null::bigint as anchor_id,
             case when hash is null or prev_hash is null then 'unchained'
                  when recomputed is distinct from hash then 'altered'
                  when prev_hash <> coalesce(previous_hash, repeat('0', 64)) then
                    case when previous_id is null then 'missing_predecessor' else 'not_following' end
             end as kind,
             previous_id
        from tail
       where id is distinct from pin_id
    ),
    first_problems as (
      select distinct on (entity_type, entity_id) *
        from (select * from pin_problems
              union all
              select * from tail_problems where kind is not null) found
       order by entity_type, entity_id, id
    )
    select pg_current_snapshot()::text as snapshot,
           pg_snapshot_xmin(pg_current_snapshot())::text as horizon,
           coalesce((select json_agg(first_problems order by entity_type, entity_id)
                       from first_problems), '[]'::json) as problems`);
  const [row] = result.rows;
  return {
    snapshot: row!.snapshot,
    horizon: row!.horizon,
    problems: row!.problems.map((found) => ({
      chain: `${found.entity_type}:${found.entity_id}`,
      id: Number(found.id),
      problem: describeProblem(found.kind, found),
    })),
  };
}

type ProblemKind =
  | "pin_missing"
  | "pin_rewritten"
  | "unchained"
  | "altered"
  | "missing_predecessor"
  | "not_following";

function describeProblem(
  kind: ProblemKind,
  found: { id: number; anchor_id: number | null; previous_id: number | null },
): string {
  switch (kind) {
    case "pin_missing":
      return describe.pinMissing(Number(found.id), Number(found.anchor_id));
    case "pin_rewritten":
      return describe.pinRewritten(Number(found.anchor_id));
    case "unchained":
      return describe.unchained();
    case "altered":
      return describe.altered();
    case "missing_predecessor":
      return describe.missingPredecessor();
    case "not_following":
      return describe.notFollowing(Number(found.previous_id));
  }
}

/**
 * The chains with events the previous anchor did not see: from a transaction that had not
 * ended when it looked, or with no transaction id at all after its newest pinned event
 * (only a writer who switched the chaining trigger off leaves none). Two selects, not one
 * with OR, so that each is an index range (the partial index on xact_id, the primary key)
 * and never a scan of the whole trail. `seen` narrows the first to one snapshot.
 */
function changedSince(previous: PreviousAnchor, seen: SQL): SQL {
  return sql`select entity_type, entity_id from audit_events
              where xact_id >= ${previous.xactHorizon}::xid8 ${seen}
             union
             select entity_type, entity_id from audit_events
              where xact_id is null and id > ${previous.lastPinnedEventId}::bigint`;
}

/**
 * The head each changed chain was last pinned at: from the version 2 pins, or, for the
 * first version 2 anchor, the version 1 anchor before it (which listed every chain).
 * A chain never pinned has none, and is checked from its first event.
 */
function pinsOf(previous: PreviousAnchor | null, incremental: boolean): SQL {
  if (incremental) {
    return sql`select c.entity_type, c.entity_id, p.anchor_id, p.event_id, p.hash
                 from changed c
                 left join lateral (
                   select h.anchor_id, h.event_id, h.hash from audit_anchor_heads h
                    where h.entity_type = c.entity_type and h.entity_id = c.entity_id
                    order by h.anchor_id desc limit 1) p on true`;
  }
  if (previous?.version === 1) {
    // A version 1 anchor's list is checked against its hash by audit:verify; here a value
    // that is not an event id simply pins nothing.
    return sql`select c.entity_type, c.entity_id, p.anchor_id, p.event_id, p.hash
                 from changed c
                 left join (
                   select a.id as anchor_id, h->>0 as entity_type, h->>1 as entity_id,
                          case when h->>2 ~ '^[0-9]{1,18}$' then (h->>2)::bigint end as event_id,
                          h->>3 as hash
                     from audit_anchors a cross join lateral jsonb_array_elements(a.heads) h
                    where a.id = ${previous.id}) p
                   on p.entity_type = c.entity_type and p.entity_id = c.entity_id`;
  }
  return sql`select c.entity_type, c.entity_id, null::bigint as anchor_id,
                    null::bigint as event_id, null::text as hash
               from changed c`;
}

/**
 * The heads an anchor pins, read as the check saw them (the same snapshot, whatever
 * committed since): for each chain that changed and is not broken, its latest event,
 * unless that is already its latest pin. Used twice in the anchor's transaction, to digest
 * the heads and to store them, and gives the same rows both times.
 */
export function headsToPin(
  previous: PreviousAnchor | null,
  check: Pick<ChangeCheck, "snapshot">,
  brokenChains: readonly string[],
): SQL {
  const incremental = previous?.version === 2 && previous.xactHorizon !== null;
  const seen = sql`pg_visible_in_snapshot(xact_id, ${check.snapshot}::pg_snapshot)`;
  const changed = incremental
    ? changedSince(previous, sql`and ${seen}`)
    : sql`select distinct entity_type, entity_id from audit_events
           where xact_id is null or ${seen}`;
  const notPinnedYet = incremental
    ? sql`and h.id is distinct from (
            select p.event_id from audit_anchor_heads p
             where p.entity_type = c.entity_type and p.entity_id = c.entity_id
             order by p.anchor_id desc limit 1)`
    : sql``;
  return sql`
    changed as (${changed}),
    heads as (
      select c.entity_type, c.entity_id, h.id as event_id, h.hash
        from changed c
        cross join lateral (
          select e.id, e.hash from audit_events e
           where e.entity_type = c.entity_type and e.entity_id = c.entity_id
             and (e.xact_id is null or pg_visible_in_snapshot(e.xact_id, ${check.snapshot}::pg_snapshot))
           order by e.id desc limit 1) h
       where h.hash is not null
         and (c.entity_type || ':' || c.entity_id)
             <> all(array(select jsonb_array_elements_text(${JSON.stringify(brokenChains)}::jsonb)))
         ${notPinnedYet}
    )`;
}
