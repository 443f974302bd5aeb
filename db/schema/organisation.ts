import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./users";

export const departments = pgTable("departments", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// One row of organisation-wide settings that administrators change at run time. Windows
// are in seconds so tests and drills can use short ones without a code path of their own.
export const organisationSettings = pgTable(
  "organisation_settings",
  {
    singleton: boolean().primaryKey().default(true),
    remediationWindowSeconds: integer()
      .notNull()
      .default(7 * 24 * 3600),
    confirmationWindowSeconds: integer()
      .notNull()
      .default(7 * 24 * 3600),
    // How long before a deadline the waited-on person is reminded.
    reminderLeadSeconds: integer()
      .notNull()
      .default(48 * 3600),
    dailyFilingLimit: integer().notNull().default(5),
    // Messages one party may send on one case per 24 hours: a thread is not a channel for harassment.
    dailyMessageLimit: integer().notNull().default(10),
    // Evidence a reporter may attach when filing; within lib/domain/evidence.ts's ceiling.
    evidenceFileLimit: integer().notNull().default(3),
    evidenceMegabytesPerFile: integer().notNull().default(5),
    // Compliance clocks: triage in business days (Mon–Fri), decision in calendar days.
    triageBusinessDays: integer().notNull().default(2),
    decisionWindowDays: integer().notNull().default(30),
    // Days a colleague has to appeal a compliance decision, counted from its instant.
    appealWindowDays: integer().notNull().default(14),
    // Patterns across cases (lib/domain/pattern-review.ts): this many concerns about one
    // colleague from at least this many reporters within this many months open a review.
    patternConcernCount: integer().notNull().default(3),
    patternReporterCount: integer().notNull().default(2),
    patternWindowMonths: integer().notNull().default(12),
    // The IANA zone every date is shown in for people who have not chosen their own; the
    // settings form checks it against Intl's list (lib/domain/date-words.ts).
    timeZone: text().notNull().default("America/New_York"),
    // Whom people should contact when they are locked out (name, email, phone), shown in
    // the sign-in page's lock-out message; null: a general wording.
    supportContact: text(),
    // Officers and administrators always need two-factor sign-in; this asks it of everyone.
    twoFactorForEveryone: boolean().notNull().default(false),
    // The organisation's physician health or wellbeing programme, offered on every notice
    // when set (each may be left empty).
    supportProgrammeName: text(),
    supportProgrammeUrl: text(),
    supportProgrammePhone: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid().references((): AnyPgColumn => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    check("organisation_settings_singleton", sql`${t.singleton}`),
    check(
      "organisation_settings_positive_windows",
      sql`${t.remediationWindowSeconds} > 0 and ${t.confirmationWindowSeconds} > 0 and ${t.reminderLeadSeconds} > 0`,
    ),
    check(
      "organisation_settings_positive_limit",
      sql`${t.dailyFilingLimit} > 0 and ${t.dailyMessageLimit} > 0`,
    ),
    check(
      "organisation_settings_evidence_limits",
      sql`${t.evidenceFileLimit} between 0 and 3 and ${t.evidenceMegabytesPerFile} between 1 and 5`,
    ),
    check(
      "organisation_settings_positive_compliance_clocks",
      sql`${t.triageBusinessDays} > 0 and ${t.decisionWindowDays} > 0 and ${t.appealWindowDays} > 0`,
    ),
    check(
      "organisation_settings_pattern_thresholds",
      sql`${t.patternConcernCount} >= 2 and ${t.patternReporterCount} >= 2 and ${t.patternReporterCount} <= ${t.patternConcernCount} and ${t.patternWindowMonths} between 1 and 60`,
    ),
  ],
);
