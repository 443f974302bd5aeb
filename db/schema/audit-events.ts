import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// Append-only record of every state change, written in the same transaction as the
// change it describes (see lib/audit/write-audit-event.ts). The application's database
// role may only INSERT and SELECT here, and a trigger refuses UPDATE, DELETE and TRUNCATE
// from anyone (db/migrations/*_audit_append_only.sql).
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
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
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
  ],
);

// A periodic global anchor: the hash of every chain's head at one moment, itself chained
// to the previous anchor. It pins the ends of the chains (deleting a chain's latest
// events, or a whole chain, is caught) without making every audit write contend on one
// row. Written by the worker's cron task and on demand (lib/audit/anchor-audit-chains.ts).
export const auditAnchors = pgTable("audit_anchors", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  // [[entityType, entityId, eventId, hash], …] sorted by entity: the heads this anchor pins.
  heads: jsonb().$type<[string, string, number, string][]>().notNull(),
  prevHash: text().notNull(),
  hash: text().notNull(),
});
