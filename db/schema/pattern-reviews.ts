import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PATTERN_REVIEW_STATES } from "../../lib/domain/pattern-review";
import { caseOutcomeEnum, concerns } from "./concerns";
import { departments } from "./organisation";
import { users } from "./users";

export const patternReviewStateEnum = pgEnum("pattern_review_state", PATTERN_REVIEW_STATES);

// A review of several concerns about one colleague from different reporters within the
// window (lib/domain/pattern-review.ts), opened by the system when a filing completes the
// pattern. Its lifecycle: open -> in_review (held by an officer) -> decided.
export const patternReviews = pgTable(
  "pattern_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Shown to people as PR-000012; the uuid stays the only key in URLs.
    number: bigint({ mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    subjectId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // The colleague's department when the review opened: whose officers it goes to.
    subjectDepartmentId: uuid().references(() => departments.id, { onDelete: "restrict" }),
    state: patternReviewStateEnum().notNull().default("open"),
    assigneeId: uuid().references(() => users.id, { onDelete: "restrict" }),
    // The colleague's answer, given once, before any decision.
    colleagueAnswer: text(),
    answeredAt: timestamp({ withTimezone: true }),
    outcome: caseOutcomeEnum(),
    outcomeRationale: text(),
    outcomeSummary: text(),
    externalAuthority: text(),
    decidedById: uuid().references(() => users.id, { onDelete: "restrict" }),
    decidedAt: timestamp({ withTimezone: true }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pattern_reviews_number_key").on(t.number),
    // At most one undecided review per colleague: simultaneous filings open one.
    uniqueIndex("pattern_reviews_one_open_key").on(t.subjectId).where(sql`${t.state} <> 'decided'`),
    index("pattern_reviews_queue_idx")
      .on(t.subjectDepartmentId, t.openedAt)
      .where(sql`${t.state} <> 'decided'`),
  ],
);

// The concerns a review lists, fixed when it opens.
export const patternReviewConcerns = pgTable(
  "pattern_review_concerns",
  {
    reviewId: uuid()
      .notNull()
      .references(() => patternReviews.id, { onDelete: "restrict" }),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.concernId] }),
    index("pattern_review_concerns_concern_idx").on(t.concernId),
  ],
);
