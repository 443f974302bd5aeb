import { and, eq, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patternReviews } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { patternReviewSubjectScope } from "@/lib/authz/pattern-review-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { notify } from "@/lib/notifications/notify";
import { parseScreened } from "../screen-free-text";
import { lockPatternReview } from "./lock-pattern-review";
import { officersForReview } from "./officers-for-review";
import { conflictedWithReview } from "./open-pattern-review";
import { answerPatternReviewSchema, patternReviewIdSchema } from "./pattern-review-schemas";

/**
 * The colleague answers a pattern review, once, before any decision (due process). The
 * officer holding it is told, or the review's officers while nobody does.
 */
export async function answerPatternReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  input: { answer: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<void> {
  assertCan(actor, "notices:respond");
  const id = patternReviewIdSchema.parse(reviewId);
  const { data, patientDetailsConfirmed } = parseScreened(answerPatternReviewSchema, input);
  await db.transaction(async (tx) => {
    const review = await lockPatternReview(tx, id, patternReviewSubjectScope(actor));
    if (review.state === "decided") {
      throw new Refusal("conflict", "This review has been decided: it no longer takes answers.");
    }
    if (review.answeredAt) throw new Refusal("conflict", "You have answered this review already.");
    await tx
      .update(patternReviews)
      .set({ colleagueAnswer: data.answer, answeredAt: now, updatedAt: now })
      .where(
        and(
          eq(patternReviews.id, id),
          ne(patternReviews.state, "decided"),
          isNull(patternReviews.answeredAt),
        ),
      );
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "pattern_review_answered",
      entityType: "pattern_review",
      entityId: id,
      details: { answer: data.answer, ...(patientDetailsConfirmed && { patientDetailsConfirmed }) },
    });
    const recipients = review.assigneeId
      ? [review.assigneeId]
      : await officersForReview(tx, review, await conflictedWithReview(tx, id));
    await notify(
      tx,
      recipients.map((recipientId) => ({
        recipientId,
        concernId: null,
        patternReviewId: id,
        recipientRelation: "officer" as const,
        kind: "pattern_review_answered" as const,
        createdAt: now,
      })),
    );
  });
}
