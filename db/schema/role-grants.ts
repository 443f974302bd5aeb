import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roleEnum, users } from "./users";

export const roleGrantDecisionEnum = pgEnum("role_grant_decision", ["approved", "declined"]);

// A role that needs a second person's approval (the compliance officer's, which opens every
// escalated case) waits here until someone other than its requester, and other than the
// person it is for, approves or declines it. The role is added only on approval.
export const roleGrantRequests = pgTable(
  "role_grant_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    requestedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid().references(() => users.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    decision: roleGrantDecisionEnum(),
  },
  (t) => [
    // One open request per person and role.
    uniqueIndex("role_grant_requests_pending_key")
      .on(t.userId, t.role)
      .where(sql`${t.decidedAt} is null`),
    check(
      "role_grant_requests_decision_complete",
      sql`(${t.decidedAt} is null) = (${t.decidedById} is null) and (${t.decidedAt} is null) = (${t.decision} is null)`,
    ),
    check(
      "role_grant_requests_second_person",
      sql`${t.decidedById} is null or (${t.decidedById} <> ${t.requestedById} and ${t.decidedById} <> ${t.userId})`,
    ),
  ],
);
