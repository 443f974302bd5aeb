import { and, eq, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { patternReviews, users } from "@/db/schema";
import { Refusal } from "@/lib/errors/refusal";

export const REVIEW_NOT_FOUND = "We could not find that review.";

/**
 * Locks a review the caller may see (their scope), so the state checked is the state
 * written; one they may not see is "not found", whatever its id.
 */
export async function lockPatternReview(tx: Transaction, reviewId: string, scope: SQL) {
  const [review] = await tx
    .select()
    .from(patternReviews)
    .where(and(eq(patternReviews.id, reviewId), scope))
    .for("update");
  if (!review) throw new Refusal("not_found", REVIEW_NOT_FOUND);
  return review;
}

/** Why an officer may not act on a review someone else holds, or that is decided. */
export async function notHeldRefusal(
  tx: Transaction,
  review: { state: string; assigneeId: string | null },
): Promise<Refusal> {
  if (review.state === "decided") {
    return new Refusal("conflict", "This review has been decided already.");
  }
  if (!review.assigneeId) return new Refusal("conflict", "Claim this review first.");
  const [holder] = await tx
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, review.assigneeId));
  return new Refusal("conflict", `${holder?.name ?? "Another officer"} holds this review.`);
}
