import { z } from "zod";
import { OutcomeFields } from "@/components/concerns/outcome-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import {
  decidePatternReviewSchema,
  onReview,
} from "@/lib/services/pattern-reviews/pattern-review-schemas";
import { claimPatternReviewAction, decidePatternReviewAction } from "../actions";

function ReviewId({ reviewId }: { reviewId: string }) {
  return <input type="hidden" name="reviewId" value={reviewId} />;
}

export function ClaimPatternReviewForm({ reviewId }: { reviewId: string }) {
  return (
    <ActionForm action={claimPatternReviewAction} schema={onReview(z.object({}))}>
      <ReviewId reviewId={reviewId} />
      <SubmitButton pendingLabel="Claiming…">Claim this review</SubmitButton>
    </ActionForm>
  );
}

export function DecidePatternReviewForm({ reviewId }: { reviewId: string }) {
  return (
    <ActionForm
      action={decidePatternReviewAction}
      schema={onReview(decidePatternReviewSchema)}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      idPrefix="decide-"
    >
      <ReviewId reviewId={reviewId} />
      <OutcomeFields
        rationaleHint="Kept for officers; the colleague never sees it."
        summaryHint="Optional. The colleague sees the outcome and this summary. It may simply say that no further detail can be shared."
      />
      <ConfirmStep
        label="Decide the review…"
        consequence={
          <p>
            The review will close with this outcome. The colleague will be told, and will see the
            outcome and your summary, never your rationale. The colleagues who raised the concerns
            are not told of the review.
          </p>
        }
      >
        <SubmitButton pendingLabel="Deciding…">Decide the review with this outcome</SubmitButton>
      </ConfirmStep>
    </ActionForm>
  );
}
