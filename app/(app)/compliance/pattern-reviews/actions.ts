"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { claimPatternReview } from "@/lib/services/pattern-reviews/claim-pattern-review";
import { decidePatternReview } from "@/lib/services/pattern-reviews/decide-pattern-review";
import {
  decidePatternReviewSchema,
  onReview,
} from "@/lib/services/pattern-reviews/pattern-review-schemas";

/** Each step reloads the review's page with a confirmation of the step taken. */
function backToReview(step: string) {
  return (_result: unknown, { reviewId }: { reviewId: string }) => ({
    revalidate: "/compliance",
    redirect: `/compliance/pattern-reviews/${reviewId}?done=${step}`,
  });
}

export const claimPatternReviewAction = formAction({
  allow: "compliance:work",
  input: onReview(z.object({})),
  run: (actor, { reviewId }) => claimPatternReview(getDb(), actor, reviewId),
  done: backToReview("claim_review"),
});

export const decidePatternReviewAction = formAction({
  allow: "compliance:work",
  input: onReview(decidePatternReviewSchema),
  run: (actor, { reviewId, ...input }) => decidePatternReview(getDb(), actor, reviewId, input),
  done: backToReview("decide_review"),
});
