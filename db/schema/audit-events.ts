import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

/** A 64-bit PostgreSQL transaction id, as text (it does not fit a JavaScript number). */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

// Append-only record of every state change, written in the same transaction as the
// change it describes (see lib/audit/write-audit-event.ts). The application's database
// role may only INSERT and SELECT here, and a trigger refuses UPDATE, DELETE and TRUNCATE
// from anyone (db/migrations/*_audit_append_only.sql).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Set by the database on insert (the chaining trigger): a writer that names another
    // time is refused, so nobody can backdate an event.
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Null when the system acted (a timed step), never for a person.
    actorId: uuid().references(() => users.id, { onDelete: "restrict" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Tamper evidence: each event's SHA-256 (hex) over the previous event of the same
    // entity's hash plus its own fields. Set by the database on insert (a trigger), so no
    // code path can write an unchained event; recomputed by `npm run audit:verify`
    // (lib/audit/audit-chain.ts holds the canonical form).
    prevHash: text(),
    hash: text(),
    // The transaction that wrote the event (set by the chaining trigger; null for events
    // older than this column). The anchor job finds what changed since the last anchor
    // through it, including events whose transaction committed after that anchor looked.
    xactId: xid8(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_events_xact_idx").on(t.xactId).where(sql`${t.xactId} is not null`),
    // The latest change to any case (insights counts again only after one): case-file
    // openings are most of the newest events, and without this the lookup walks past them.
    index("audit_events_recorded_change_idx").on(t.id).where(sql`${t.entityType} <> 'case_access'`),
  ],
);

// A periodic global anchor, itself chained to the previous anchor, that pins the heads of
// the audit chains (deleting a chain's latest events, or a whole chain, is caught)
// without making every audit write contend on one row. Written by the worker's cron task
// and on demand (lib/audit/anchor-audit-chains.ts).
//
// Version 1 anchors (the first releases) list every chain's head in `heads`. Version 2
// anchors pin only the chains that moved since the previous anchor, in
// audit_anchor_heads, and commit to them through `heads_digest`; `xact_horizon` says which
// transactions they saw, so the next anchor checks only what changed since.
export const auditAnchors = pgTable(
  "audit_anchors",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: smallint().notNull().default(1),
    // Version 1: [[entityType, entityId, eventId, hash], …] sorted by entity.
    heads: jsonb().$type<[string, string, number, string][]>(),
    // Version 2: every transaction below this id had ended when the anchor looked.
    xactHorizon: xid8(),
    headCount: integer(),
    headsDigest: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    check(
      "audit_anchors_version_fields",
      sql`(${t.version} = 1 and ${t.heads} is not null)
        or (${t.version} = 2 and ${t.heads} is null and ${t.xactHorizon} is not null
            and ${t.headCount} is not null and ${t.headsDigest} is not null)`,
    ),
  ],
);

// The heads a version 2 anchor pins: for each chain that moved, its latest event then.
// Append-only like the anchors (db/migrations: a trigger refuses UPDATE and DELETE).
export const auditAnchorHeads = pgTable(
  "audit_anchor_heads",
  {
    anchorId: bigint({ mode: "number" })
      .notNull()
      .references(() => auditAnchors.id, { onDelete: "restrict" }),
    entityType: text().notNull(),
    entityId: text().notNull(),
    // No foreign key to audit_events on purpose: a pin must outlive the event it pins,
    // so a deleted event is reported instead of silently taking its evidence with it.
    eventId: bigint({ mode: "number" }).notNull(),
    hash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.anchorId, t.eventId] }),
    // The latest pin of a chain: what the next anchor must find still in place.
    index("audit_anchor_heads_chain_idx").on(t.entityType, t.entityId, t.anchorId),
  ],
);
