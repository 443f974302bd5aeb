import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// Append-only record of every state change, written in the same transaction as the
// change it describes (see lib/audit/write-audit-event.ts).
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
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
  ],
);
