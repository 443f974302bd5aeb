import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { concerns, departments, patternReviewConcerns, patternReviews, users } from "@/db/schema";
import {
  patternReviewOfficerScope,
  patternReviewSubjectScope,
} from "@/lib/authz/pattern-review-access";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import { patternReviewReference } from "@/lib/domain/pattern-review";
import { readSideBySide } from "./read-side-by-side";

const subject = alias(users, "subject");
const holder = alias(users, "holder");
const reporter = alias(users, "reporter");

/**
 * The undecided pattern reviews an officer may work, oldest first (the queue's section).
 *
 * The names are read per listed row rather than joined. The scope's subqueries make the
 * planner's estimate of this scan huge (a million cost units at scale), and beside it the
 * cost of joining `users` twice looked like rounding: PostgreSQL treats paths within 1% as
 * equal and chose to compare every person with every review (58 ms, against 16 ms this way,
 * measured at a million concerns). Subqueries in the select list run only for the rows
 * kept after the sort and limit, so there is no join order to get wrong.
 */
export async function listPatternReviewQueue(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: patternReviews.id,
      number: patternReviews.number,
      state: patternReviews.state,
      openedAt: patternReviews.openedAt,
      answeredAt: patternReviews.answeredAt,
      subjectName: sql<string>`(select ${users.name} from ${users}
                                 where ${users.id} = ${patternReviews.subjectId})`,
      departmentName: departments.name,
      assigneeId: patternReviews.assigneeId,
      holderName: sql<string | null>`(select ${users.name} from ${users}
                                       where ${users.id} = ${patternReviews.assigneeId})`,
      concernCount: sql<number>`(select count(*)::int from pattern_review_concerns prc
                                  where prc.review_id = ${patternReviews.id})`,
    })
    .from(patternReviews)
    .leftJoin(departments, eq(departments.id, patternReviews.subjectDepartmentId))
    .where(and(ne(patternReviews.state, "decided"), patternReviewOfficerScope(actor)))
    .orderBy(asc(patternReviews.openedAt), asc(patternReviews.id))
    .limit(100);
  return rows.map((row) => ({ ...row, reference: patternReviewReference(row.number) }));
}

/**
 * A review as its officers read it: the colleague, the holder, the colleague's answer, the
 * decision, and the concerns it lists. A listed concern shows its reporter only when they
 * chose to be named, and links to its case file only once escalated (the officer scope of
 * a case file), since nothing else of a concern that ended between peers is theirs to read.
 */
export async function loadPatternReviewForOfficer(db: Db, actor: Actor, reviewId: string) {
  // The concerns are read beside the review and dropped unless the review is in scope.
  const [[review], listed] = await readSideBySide(db, [
    () =>
      db
        .select({
          id: patternReviews.id,
          number: patternReviews.number,
          state: patternReviews.state,
          subjectId: patternReviews.subjectId,
          subjectName: subject.name,
          departmentName: departments.name,
          assigneeId: patternReviews.assigneeId,
          holderName: holder.name,
          openedAt: patternReviews.openedAt,
          colleagueAnswer: patternReviews.colleagueAnswer,
          answeredAt: patternReviews.answeredAt,
          outcome: patternReviews.outcome,
          outcomeRationale: patternReviews.outcomeRationale,
          outcomeSummary: patternReviews.outcomeSummary,
          externalAuthority: patternReviews.externalAuthority,
          decidedAt: patternReviews.decidedAt,
        })
        .from(patternReviews)
        .innerJoin(subject, eq(subject.id, patternReviews.subjectId))
        .leftJoin(departments, eq(departments.id, patternReviews.subjectDepartmentId))
        .leftJoin(holder, eq(holder.id, patternReviews.assigneeId))
        .where(and(eq(patternReviews.id, reviewId), patternReviewOfficerScope(actor))),
    () =>
      db
        .select({
          id: concerns.id,
          number: concerns.number,
          state: concerns.state,
          severity: concerns.severity,
          categories: concerns.categories,
          otherConsideration: concerns.otherConsideration,
          filedAt: concerns.createdAt,
          closedAt: concerns.closedAt,
          escalatedAt: concerns.escalatedAt,
          outcome: concerns.outcome,
          reporterId: concerns.reporterId,
          // Selected only when the reporter chose to be named: a confidential one's name never
          // leaves the database for this page.
          namedReporter: sql<
            string | null
          >`case when ${concerns.disclosure} = 'named' then ${reporter.name} end`,
        })
        .from(patternReviewConcerns)
        .innerJoin(concerns, eq(concerns.id, patternReviewConcerns.concernId))
        .innerJoin(reporter, eq(reporter.id, concerns.reporterId))
        .where(eq(patternReviewConcerns.reviewId, reviewId))
        .orderBy(asc(concerns.createdAt), asc(concerns.id)),
  ]);
  if (!review) return null;
  const reporterCount = new Set(listed.map((c) => c.reporterId)).size;
  return {
    ...review,
    reference: patternReviewReference(review.number),
    reporterCount,
    concerns: listed.map(({ reporterId: _, ...c }) => ({
      ...c,
      reference: concernReference(c.number),
    })),
  };
}

/**
 * A review as the colleague reads it: that a review is open, their answer, and the outcome
 * with the summary written for them; the concerns by reference and date only (each is their
 * own notice), never who raised them nor the officers' rationale.
 */
export async function loadPatternReviewForSubject(db: Db, actor: Actor, reviewId: string) {
  const [review] = await db
    .select({
      id: patternReviews.id,
      number: patternReviews.number,
      state: patternReviews.state,
      openedAt: patternReviews.openedAt,
      colleagueAnswer: patternReviews.colleagueAnswer,
      answeredAt: patternReviews.answeredAt,
      outcome: patternReviews.outcome,
      outcomeSummary: patternReviews.outcomeSummary,
      externalAuthority: patternReviews.externalAuthority,
      decidedAt: patternReviews.decidedAt,
    })
    .from(patternReviews)
    .where(and(eq(patternReviews.id, reviewId), patternReviewSubjectScope(actor)));
  if (!review) return null;
  const listed = await db
    .select({ id: concerns.id, number: concerns.number, filedAt: concerns.createdAt })
    .from(patternReviewConcerns)
    .innerJoin(concerns, eq(concerns.id, patternReviewConcerns.concernId))
    .where(eq(patternReviewConcerns.reviewId, review.id))
    .orderBy(asc(concerns.createdAt), asc(concerns.id));
  return {
    ...review,
    reference: patternReviewReference(review.number),
    concerns: listed.map((c) => ({ ...c, reference: concernReference(c.number) })),
  };
}

/** The colleague's own pattern reviews, newest first, for their notices page. */
export async function listOwnPatternReviews(db: Db, actor: Actor) {
  const rows = await db
    .select({
      id: patternReviews.id,
      number: patternReviews.number,
      state: patternReviews.state,
      openedAt: patternReviews.openedAt,
    })
    .from(patternReviews)
    .where(patternReviewSubjectScope(actor))
    .orderBy(desc(patternReviews.openedAt));
  return rows.map((row) => ({ ...row, reference: patternReviewReference(row.number) }));
}

export type OfficerPatternReview = NonNullable<
  Awaited<ReturnType<typeof loadPatternReviewForOfficer>>
>;
export type SubjectPatternReview = NonNullable<
  Awaited<ReturnType<typeof loadPatternReviewForSubject>>
>;
