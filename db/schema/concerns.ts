import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONCERN_CHANNELS } from "../../lib/domain/concern-channels";
import { IDENTITY_DISCLOSURES, PLATFORMS } from "../../lib/domain/concern-fields";
import { ALL_STATES, CASE_OUTCOMES, REMEDIATION_ACTIONS } from "../../lib/domain/concern-workflow";
import { CONCERN_CATEGORIES, SEVERITIES } from "../../lib/domain/policy-text";
import { departments } from "./organisation";
import { users } from "./users";

export const concernStateEnum = pgEnum("concern_state", ALL_STATES);
export const severityEnum = pgEnum("concern_severity", SEVERITIES);
export const categoryEnum = pgEnum("concern_category", CONCERN_CATEGORIES);
export const platformEnum = pgEnum("post_platform", PLATFORMS);
export const disclosureEnum = pgEnum("identity_disclosure", IDENTITY_DISCLOSURES);
export const remediationActionEnum = pgEnum("remediation_action", REMEDIATION_ACTIONS);
export const caseOutcomeEnum = pgEnum("case_outcome", CASE_OUTCOMES);
export const channelEnum = pgEnum("concern_channel", CONCERN_CHANNELS);

export const concerns = pgTable(
  "concerns",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Shown to people as PC-000123; the uuid stays the only key in URLs.
    number: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    subjectId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // The subject's department when the concern was filed, for routing and insights.
    subjectDepartmentId: uuid().references(() => departments.id, { onDelete: "restrict" }),

    postUrl: text().notNull(),
    postUrlNormalised: text().notNull(),
    platform: platformEnum().notNull(),
    // A calendar day as the reporter gave it: no time, so no time zone to misread.
    seenOn: date({ mode: "string" }).notNull(),
    description: text().notNull(),
    categories: categoryEnum().array().notNull(),
    // The reporter's own words for a consideration outside the listed ones ("other").
    otherConsideration: text(),
    severity: severityEnum().notNull(),
    disclosure: disclosureEnum().notNull().default("confidential"),

    // How the concern arrived. Anything but the web form was recorded by an officer, who is
    // also the reporter of record when the source is anonymous or has no account; then
    // source_name is the outside person's name (null when anonymous), shown to the
    // colleague only when disclosure is "named".
    channel: channelEnum().notNull().default("web"),
    recordedById: uuid().references(() => users.id, { onDelete: "restrict" }),
    sourceName: text(),

    state: concernStateEnum().notNull().default("awaiting_response"),
    responseDueAt: timestamp({ withTimezone: true }).notNull(),
    confirmationDueAt: timestamp({ withTimezone: true }),
    noticeOpenedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),

    // The colleague's latest answer; every answer is also on the timeline.
    remediationAction: remediationActionEnum(),
    responseNote: text(),
    respondedAt: timestamp({ withTimezone: true }),

    outcome: caseOutcomeEnum(),
    outcomeRationale: text(),
    // What the parties are told of the decision, apart from the internal rationale.
    outcomeSummary: text(),
    externalAuthority: text(),
    closedById: uuid().references(() => users.id, { onDelete: "restrict" }),

    // Compliance: who holds the case, and its service-level clocks (set on escalation).
    assigneeId: uuid().references(() => users.id, { onDelete: "restrict" }),
    triageDueAt: timestamp({ withTimezone: true }),
    decisionDueAt: timestamp({ withTimezone: true }),
    // The clock an officer is racing now: triage until someone holds the case, then the
    // decision. Stored, so "due soonest" and "overdue" are one indexed column.
    nextDueAt: timestamp({ withTimezone: true }).generatedAlwaysAs(
      sql`case when assignee_id is null then least(triage_due_at, decision_due_at) else decision_due_at end`,
    ),
    // Each reminder goes out once per clock; reopening a case starts fresh clocks.
    triageRemindedAt: timestamp({ withTimezone: true }),
    decisionRemindedAt: timestamp({ withTimezone: true }),

    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("concerns_number_key").on(t.number),
    check("concerns_not_about_oneself", sql`${t.reporterId} <> ${t.subjectId}`),
    check("concerns_has_category", sql`cardinality(${t.categories}) > 0`),
    check(
      "concerns_recorded_off_the_web",
      sql`(${t.channel} = 'web') = (${t.recordedById} is null)`,
    ),
    // An outside source is named only on a concern whose reporter of record is its recorder,
    // and a named one has a name to show.
    check(
      "concerns_source_name_for_recorder",
      sql`${t.sourceName} is null or ${t.reporterId} = ${t.recordedById}`,
    ),
    check(
      "concerns_named_source_has_name",
      sql`${t.reporterId} is distinct from ${t.recordedById} or ${t.disclosure} = 'confidential' or ${t.sourceName} is not null`,
    ),
    // "My concerns" and the notices about one's posts: keyset pages newest first by
    // (created_at, id), so each page is one walk of these indexes however deep it is
    // (ascending, so that a backward scan gives PostgreSQL's default descending order).
    index("concerns_reporter_idx").on(t.reporterId, t.createdAt, t.id),
    index("concerns_subject_idx").on(t.subjectId, t.createdAt, t.id),
    // One open concern per reporter and post: the database settles simultaneous filings.
    // A concern is open exactly while closed_at is null (the workflow sets both together).
    uniqueIndex("concerns_open_duplicate_key")
      .on(t.reporterId, t.postUrlNormalised)
      .where(sql`${t.closedAt} is null`),
    // One open case per post and colleague: a second reporter joins it (concern_reporters),
    // and two filings racing to open it are settled here.
    uniqueIndex("concerns_open_post_key")
      .on(t.subjectId, t.postUrlNormalised)
      .where(sql`${t.closedAt} is null`),
    // The timed steps look for due cases through these partial indexes only.
    index("concerns_response_due_idx")
      .on(t.responseDueAt)
      .where(sql`${t.state} = 'awaiting_response'`),
    index("concerns_confirmation_due_idx")
      .on(t.confirmationDueAt)
      .where(sql`${t.state} in ('remediation_reported', 'disputed')`),
    index("concerns_escalated_idx")
      .on(t.escalatedAt.desc())
      .where(sql`${t.escalatedAt} is not null`),
    // The compliance queue: open escalated cases only, one index per sort order and per
    // leading filter, each ending in id for keyset pagination. Their predicate is the
    // queue's own (lib/queries/compliance-queue.ts), so the planner can use them.
    index("concerns_queue_escalated_idx")
      .on(t.escalatedAt, t.id)
      .where(sql`${t.escalatedAt} is not null and ${t.closedAt} is null`),
    index("concerns_queue_due_idx")
      .on(t.nextDueAt, t.id)
      .where(sql`${t.escalatedAt} is not null and ${t.closedAt} is null`),
    index("concerns_queue_assignee_idx")
      .on(t.assigneeId, t.escalatedAt, t.id)
      .where(sql`${t.escalatedAt} is not null and ${t.closedAt} is null`),
    index("concerns_queue_department_idx")
      .on(t.subjectDepartmentId, t.escalatedAt, t.id)
      .where(sql`${t.escalatedAt} is not null and ${t.closedAt} is null`),
    // Insights read a period of filings.
    index("concerns_created_idx").on(t.createdAt),
  ],
);
