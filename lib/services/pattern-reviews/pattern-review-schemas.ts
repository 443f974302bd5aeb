import { z } from "zod";
import { closeCaseSchema } from "../concerns/concern-schemas";
import { longText, optionalText, patientDetailsConfirmed, recordId } from "../field-schemas";

export const patternReviewIdSchema = recordId("We could not find that review.");

/** A form about one pattern review: the review's id and the use case's own fields. */
export function onReview<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  return schema.extend({ reviewId: patternReviewIdSchema });
}

/** The colleague's answer, before any decision. */
export const answerPatternReviewSchema = z.object({
  answer: longText(10, "Write your answer, in at least 10 characters.").describe("Your answer"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

/**
 * A review closes with the same outcomes, rationale and summary as a case; only the
 * colleague is told, so the summary is theirs.
 */
export const decidePatternReviewSchema = closeCaseSchema.extend({
  partySummary: optionalText(1000).optional().describe("What the colleague is told"),
});
