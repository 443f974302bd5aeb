import { and, eq, gte, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
  caseRecusals,
  concernReporters,
  concerns,
  patternReviewConcerns,
  patternReviews,
  users,
} from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { decidePatternReview, patternWindowStart } from "@/lib/domain/pattern-review";
import { notify } from "@/lib/notifications/notify";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { officersForReview } from "./officers-for-review";

/**
 * Opens a pattern review of the colleague's concerns when the rule says one is due, in the
 * caller's transaction (the filing that completed the pattern), by the system: the review,
 * its list of concerns, its audit event and the notifications to the colleague and the
 * officers commit with the filing or not at all. Filings about one colleague take turns
 * here, and the one-open-review index settles anything that slips past.
 */
export async function openPatternReviewIfDue(
  tx: Transaction,
  subjectId: string,
  now: Date,
): Promise<{ reviewId: string } | null> {
  // While a review of the colleague is open no second one opens, whatever the filings. Seen
  // first and without the lock, so that a run of filings about one colleague (a post gone
  // round the hospital) neither waits in turn for each other's commit nor reads the
  // colleague's whole year of concerns each time. A review decided just after this read
  // is no different from one decided just after the locked read below.
  const [openReview] = await tx
    .select({ id: patternReviews.id })
    .from(patternReviews)
    .where(and(eq(patternReviews.subjectId, subjectId), ne(patternReviews.state, "decided")))
    .limit(1);
  if (openReview) return null;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('pattern-review'), hashtext(${subjectId}))`,
  );
  const settings = (await loadWorkflowSettings(tx)).pattern;
  const recent = await tx
    .select({ id: concerns.id, reporterId: concerns.reporterId, filedAt: concerns.createdAt })
    .from(concerns)
    .where(
      and(
        eq(concerns.subjectId, subjectId),
        gte(concerns.createdAt, patternWindowStart(now, settings.windowMonths)),
      ),
    );
  const reviews = await tx
    .select({ state: patternReviews.state, concernId: patternReviewConcerns.concernId })
    .from(patternReviews)
    .leftJoin(patternReviewConcerns, eq(patternReviewConcerns.reviewId, patternReviews.id))
    .where(eq(patternReviews.subjectId, subjectId));
  const decision = decidePatternReview({
    concerns: recent,
    settings,
    now,
    hasOpenReview: reviews.some((review) => review.state !== "decided"),
    alreadyReviewed: new Set(reviews.flatMap((review) => review.concernId ?? [])),
  });
  if (!decision.due) return null;

  const [subject] = await tx
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(eq(users.id, subjectId));
  const [review] = await tx
    .insert(patternReviews)
    .values({
      subjectId,
      subjectDepartmentId: subject?.departmentId ?? null,
      openedAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({
      target: patternReviews.subjectId,
      where: ne(patternReviews.state, "decided"),
    })
    .returning({ id: patternReviews.id, subjectDepartmentId: patternReviews.subjectDepartmentId });
  if (!review) return null;
  await tx
    .insert(patternReviewConcerns)
    .values(decision.concernIds.map((concernId) => ({ reviewId: review.id, concernId })));
  await writeAuditEvent(tx, {
    actorId: null,
    action: "pattern_review_opened",
    entityType: "pattern_review",
    entityId: review.id,
    details: { subjectId, concernIds: decision.concernIds, settings },
  });
  const officerIds = await officersForReview(
    tx,
    { subjectId, ...review },
    await conflictedWithReview(tx, review.id),
  );
  await notify(tx, [
    {
      recipientId: subjectId,
      concernId: null,
      patternReviewId: review.id,
      recipientRelation: "subject",
      kind: "pattern_review_opened",
      createdAt: now,
    },
    ...officerIds.map((officerId) => ({
      recipientId: officerId,
      concernId: null,
      patternReviewId: review.id,
      recipientRelation: "officer" as const,
      kind: "pattern_review_opened" as const,
      createdAt: now,
    })),
  ]);
  return { reviewId: review.id };
}

/**
 * Everyone who raised one of the review's concerns (first or joining reporter) or recused
 * from one: never told of the review, as patternReviewOfficerScope never lets them read it.
 */
export async function conflictedWithReview(tx: Transaction, reviewId: string): Promise<string[]> {
  const { rows } = await tx.execute<{ user_id: string }>(sql`
    select c.reporter_id as user_id
      from ${patternReviewConcerns} prc join ${concerns} c on c.id = prc.concern_id
     where prc.review_id = ${reviewId}
    union
    select cr.reporter_id
      from ${patternReviewConcerns} prc join ${concernReporters} cr on cr.concern_id = prc.concern_id
     where prc.review_id = ${reviewId}
    union
    select rc.officer_id
      from ${patternReviewConcerns} prc join ${caseRecusals} rc on rc.concern_id = prc.concern_id
     where prc.review_id = ${reviewId}`);
  return rows.map((row) => row.user_id);
}
