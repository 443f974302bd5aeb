import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { APPEAL_STATUSES } from "../../lib/domain/appeal";
import { caseOutcomeEnum, concerns } from "./concerns";
import { users } from "./users";

// The colleague's appeal of a compliance decision, and how a different officer decided it.
// Every step is also an audit event on the case's chain; this row is what pages read.
export const caseAppeals = pgTable(
  "case_appeals",
  {
    id: uuid().primaryKey().defaultRandom(),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    // The decision appealed: when the case was closed, by whom, with which outcome. A case
    // reopened and decided again is a new decision, open to its own appeal.
    decisionClosedAt: timestamp({ withTimezone: true }).notNull(),
    decidedById: uuid().references(() => users.id, { onDelete: "restrict" }),
    appealedOutcome: caseOutcomeEnum().notNull(),
    filedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    explanation: text().notNull(),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    status: text({ enum: APPEAL_STATUSES }).notNull().default("filed"),
    takenById: uuid().references(() => users.id, { onDelete: "restrict" }),
    takenAt: timestamp({ withTimezone: true }),
    // Set when decided: the outcome after the appeal (changed when upheld), the officer's
    // internal reasons, and what the parties are told.
    resultingOutcome: caseOutcomeEnum(),
    rationale: text(),
    partySummary: text(),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One appeal per decision: the database settles two filings at once.
    uniqueIndex("case_appeals_one_per_decision").on(t.concernId, t.decisionClosedAt),
    // The compliance queue's section of appeals waiting.
    index("case_appeals_open_idx").on(t.filedAt).where(sql`${t.status} in ('filed', 'taken')`),
    check("case_appeals_status", sql`${t.status} in ('filed', 'taken', 'upheld', 'dismissed')`),
    check(
      "case_appeals_taken_complete",
      sql`(${t.status} = 'filed') = (${t.takenById} is null) and (${t.takenById} is null) = (${t.takenAt} is null)`,
    ),
    check(
      "case_appeals_decided_complete",
      sql`(${t.status} in ('upheld', 'dismissed')) = (${t.decidedAt} is not null) and (${t.decidedAt} is null) = (${t.resultingOutcome} is null) and (${t.decidedAt} is null) = (${t.rationale} is null)`,
    ),
  ],
);
