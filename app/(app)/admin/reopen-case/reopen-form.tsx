"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { reopenByReferenceAction } from "./actions";

export function ReopenByReferenceForm() {
  return (
    <ActionForm action={reopenByReferenceAction} className="max-w-md space-y-4">
      {(state) => (
        <>
          <TextField
            name="reference"
            label="Case reference"
            placeholder="PC-000123"
            autoComplete="off"
            errors={state.fieldErrors?.reference}
          />
          <div>
            <label htmlFor="reason" className="block text-sm font-medium">
              Reason for reopening
            </label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxLength={4000}
              aria-invalid={state.fieldErrors?.reason ? true : undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
            />
            {state.fieldErrors?.reason ? (
              <p className="mt-1 text-sm font-medium text-red-700">
                {state.fieldErrors.reason.join(" ")}
              </p>
            ) : null}
          </div>
          <SubmitButton pendingLabel="Reopening…">Reopen case</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
