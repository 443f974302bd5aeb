"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";
import { closeCaseAction } from "../../actions";

export function CloseCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={closeCaseAction}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      {(state) => (
        <>
          <input type="hidden" name="concernId" value={concernId} />
          <fieldset>
            <legend className="text-sm font-medium">Outcome</legend>
            {CASE_OUTCOMES.map((outcome) => (
              <label key={outcome} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="outcome" value={outcome} className="size-4" />
                {OUTCOME_LABELS[outcome]}
              </label>
            ))}
            {state.fieldErrors?.outcome ? (
              <p className="text-sm font-medium text-red-700">
                {state.fieldErrors.outcome.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <label className="block text-sm">
            <span className="font-medium">External authority (when referred)</span>
            <input
              name="externalAuthority"
              maxLength={200}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              placeholder="e.g. State Medical Board"
            />
          </label>
          <label className="block text-sm">
            <span className="font-medium">Rationale</span>
            <textarea
              name="rationale"
              rows={4}
              maxLength={4000}
              aria-invalid={state.fieldErrors?.rationale ? true : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
            />
            {state.fieldErrors?.rationale ? (
              <span className="text-sm font-medium text-red-700">
                {state.fieldErrors.rationale.join(" ")}
              </span>
            ) : null}
          </label>
          <SubmitButton pendingLabel="Closing…">Close case with this outcome</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
