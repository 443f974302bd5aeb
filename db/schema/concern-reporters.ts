import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { REPORTER_VERDICTS } from "../../lib/domain/reporter-verdicts";
import { categoryEnum, concerns, disclosureEnum, platformEnum, severityEnum } from "./concerns";
import { users } from "./users";

/**
 * Further reporters of a case: colleagues who raised a post that already had an open case
 * about the same colleague, and joined it instead of opening another. The first reporter
 * stays concerns.reporter_id; each further one keeps their own words, judgement and
 * disclosure here. Added, never changed or removed.
 */
export const concernReporters = pgTable(
  "concern_reporters",
  {
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // The link as this reporter typed it; the case keeps the first one.
    postUrl: text().notNull(),
    platform: platformEnum().notNull(),
    seenOn: date({ mode: "string" }).notNull(),
    description: text().notNull(),
    categories: categoryEnum().array().notNull(),
    otherConsideration: text(),
    severity: severityEnum().notNull(),
    disclosure: disclosureEnum().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.concernId, t.reporterId] }),
    // "Which cases did I raise" and the scope's EXISTS read by reporter.
    index("concern_reporters_reporter_idx").on(t.reporterId, t.joinedAt.desc()),
    check("concern_reporters_has_category", sql`cardinality(${t.categories}) > 0`),
  ],
);

export const reporterVerdictEnum = pgEnum("reporter_verdict", REPORTER_VERDICTS);

/**
 * Each reporter's answer to one response of the colleague (named by its respondedAt), while
 * others are still to answer it: the case moves only when the rule in
 * lib/domain/reporter-verdicts.ts says so. A new response starts a fresh round of answers.
 */
export const reporterVerdicts = pgTable(
  "reporter_verdicts",
  {
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    respondedAt: timestamp({ withTimezone: true }).notNull(),
    verdict: reporterVerdictEnum().notNull(),
    decidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.reporterId, t.respondedAt] })],
);
