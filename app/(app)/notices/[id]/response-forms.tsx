"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { REMEDIATION_LABELS } from "@/lib/domain/concern-labels";
import { REMEDIATION_ACTIONS } from "@/lib/domain/concern-workflow";
import { disputeAction, reportRemediationAction } from "../actions";

export function ResponseForms({
  concernId,
  canRemediate,
  canDispute,
}: {
  concernId: string;
  canRemediate: boolean;
  canDispute: boolean;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {canRemediate ? (
        <ActionForm
          action={reportRemediationAction}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          {(state) => (
            <>
              <h3 className="font-semibold">I have dealt with the post</h3>
              <input type="hidden" name="concernId" value={concernId} />
              <fieldset>
                <legend className="text-sm font-medium">What did you do?</legend>
                {REMEDIATION_ACTIONS.map((action) => (
                  <label key={action} className="flex min-h-11 items-center gap-2 text-sm">
                    <input type="radio" name="action" value={action} className="size-4" />
                    {REMEDIATION_LABELS[action]}
                  </label>
                ))}
                {state.fieldErrors?.action ? (
                  <p className="text-sm font-medium text-red-700">
                    {state.fieldErrors.action.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <label className="block text-sm">
                <span className="font-medium">Note (required for another action)</span>
                <textarea
                  name="note"
                  rows={3}
                  maxLength={4000}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
                />
              </label>
              <SubmitButton pendingLabel="Sending…">Report action</SubmitButton>
            </>
          )}
        </ActionForm>
      ) : null}
      {canDispute ? (
        <ActionForm
          action={disputeAction}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          {(state) => (
            <>
              <h3 className="font-semibold">I disagree with this concern</h3>
              <input type="hidden" name="concernId" value={concernId} />
              <label className="block text-sm">
                <span className="font-medium">Your explanation</span>
                <textarea
                  name="explanation"
                  rows={5}
                  maxLength={4000}
                  aria-invalid={state.fieldErrors?.explanation ? true : undefined}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
                />
                {state.fieldErrors?.explanation ? (
                  <span className="text-sm font-medium text-red-700">
                    {state.fieldErrors.explanation.join(" ")}
                  </span>
                ) : null}
              </label>
              <SubmitButton variant="secondary" pendingLabel="Sending…">
                Send explanation
              </SubmitButton>
            </>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
