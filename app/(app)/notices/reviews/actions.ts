"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { answerPatternReview } from "@/lib/services/pattern-reviews/answer-pattern-review";
import {
  answerPatternReviewSchema,
  onReview,
} from "@/lib/services/pattern-reviews/pattern-review-schemas";

export const answerPatternReviewAction = formAction({
  allow: "notices:respond",
  input: onReview(answerPatternReviewSchema),
  run: (actor, { reviewId, ...input }) => answerPatternReview(getDb(), actor, reviewId, input),
  done: (_result, { reviewId }) => ({
    revalidate: "/notices",
    redirect: `/notices/reviews/${reviewId}?done=answer_review`,
  }),
});
