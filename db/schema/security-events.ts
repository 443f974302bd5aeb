import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// The security log: sign-ins, failures, lock-outs and password events; who, when and from
// where, never case content. Written only through recordSecurityEvent
// (lib/auth/security-log.ts). Append-only and timed by the database itself (migration
// security-log), kept six years, then removed by purge_expired_security_events().
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    kind: text().notNull(),
    // The account concerned, when one exists.
    userId: uuid().references(() => users.id, { onDelete: "restrict" }),
    // The email typed, normalised: a failure for an address with no account still shows.
    account: text(),
    // The client's network address as the launcher recorded it; null when unknown.
    address: text(),
    // Someone acting on another's account (an administrator sending an invitation).
    actorId: uuid().references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    index("security_events_occurred_idx").on(t.occurredAt.desc()),
    index("security_events_user_idx").on(t.userId, t.occurredAt.desc()),
  ],
);
