import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import type { ConcernDetail } from "@/lib/queries/concerns";
import { ReopenCaseForm } from "./case-forms";
import { CloseCaseForm } from "./close-case-form";

/** Deciding the case, for the officer holding it; the decision and reopening, once closed. */
export function DecisionSection({
  concern,
  heldByMe,
}: {
  concern: ConcernDetail;
  heldByMe: boolean;
}) {
  if (heldByMe) {
    return (
      <section aria-labelledby="decide">
        <h2 id="decide" className="mb-3 text-lg font-semibold">
          Decide and close
        </h2>
        <CloseCaseForm concernId={concern.id} />
      </section>
    );
  }
  if (concern.state !== "closed") return null;
  return (
    <section aria-labelledby="decision" className="space-y-3">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="decision" className="text-lg font-semibold">
          Decision
        </h2>
        {concern.outcome ? (
          <>
            <p className="font-medium">
              {OUTCOME_LABELS[concern.outcome]}
              {concern.externalAuthority ? `: ${concern.externalAuthority}` : ""}
            </p>
            <p className="whitespace-pre-wrap break-words">{concern.outcomeRationale}</p>
          </>
        ) : null}
      </div>
      <ReopenCaseForm concernId={concern.id} />
    </section>
  );
}
