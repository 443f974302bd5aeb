"use client";

import { answerInformationAction } from "@/app/(app)/concerns/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";

export function AnswerInformationForm({
  requestId,
  view,
}: {
  requestId: string;
  view: "reporter" | "subject";
}) {
  return (
    <ActionForm action={answerInformationAction} className="mt-2 space-y-2">
      {(state) => (
        <>
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="view" value={view} />
          <label className="block text-sm">
            <span className="font-medium">Your answer</span>
            <textarea
              name="answer"
              rows={3}
              maxLength={4000}
              aria-invalid={state.fieldErrors?.answer ? true : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
            />
            {state.fieldErrors?.answer ? (
              <span className="text-sm font-medium text-red-700">
                {state.fieldErrors.answer.join(" ")}
              </span>
            ) : null}
          </label>
          <SubmitButton pendingLabel="Sending…">Send answer</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
