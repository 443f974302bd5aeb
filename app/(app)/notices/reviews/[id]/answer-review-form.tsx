import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import {
  answerPatternReviewSchema,
  onReview,
} from "@/lib/services/pattern-reviews/pattern-review-schemas";
import { answerPatternReviewAction } from "../actions";

export function AnswerReviewForm({ reviewId }: { reviewId: string }) {
  return (
    <ActionForm
      action={answerPatternReviewAction}
      schema={onReview(answerPatternReviewSchema)}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <input type="hidden" name="reviewId" value={reviewId} />
      <TextareaField
        name="answer"
        rows={6}
        hint="What you would like the compliance team to know: context, what you have changed, anything they should weigh. You can send one answer. Do not include details that could identify a patient."
      />
      <SubmitButton pendingLabel="Sending…">Send my answer</SubmitButton>
    </ActionForm>
  );
}
