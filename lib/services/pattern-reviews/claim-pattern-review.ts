import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patternReviews } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { patternReviewOfficerScope } from "@/lib/authz/pattern-review-access";
import type { Actor } from "@/lib/authz/permissions";
import { lockPatternReview, notHeldRefusal } from "./lock-pattern-review";
import { patternReviewIdSchema } from "./pattern-review-schemas";

/**
 * An officer takes an open pattern review. Of officers claiming at once, the row lock lets
 * one through; the others are told who holds it.
 */
export async function claimPatternReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  now = new Date(),
): Promise<void> {
  assertCan(actor, "compliance:work");
  const id = patternReviewIdSchema.parse(reviewId);
  await db.transaction(async (tx) => {
    const review = await lockPatternReview(tx, id, patternReviewOfficerScope(actor));
    if (review.state !== "open") throw await notHeldRefusal(tx, review);
    await tx
      .update(patternReviews)
      .set({ state: "in_review", assigneeId: actor.userId, updatedAt: now })
      .where(and(eq(patternReviews.id, id), eq(patternReviews.state, "open")));
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "pattern_review_claimed",
      entityType: "pattern_review",
      entityId: id,
    });
  });
}
