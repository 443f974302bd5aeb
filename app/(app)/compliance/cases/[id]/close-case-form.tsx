import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { RadioGroup, TextareaField, TextField } from "@/components/ui/field";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";
import { closeCaseSchema, onCase } from "@/lib/services/concerns/concern-schemas";
import { closeCaseAction } from "../../actions";

export function CloseCaseForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={closeCaseAction}
      schema={onCase(closeCaseSchema)}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      idPrefix="close-"
    >
      <input type="hidden" name="concernId" value={concernId} />
      <RadioGroup
        name="outcome"
        options={CASE_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: OUTCOME_LABELS[outcome],
        }))}
      />
      <TextField name="externalAuthority" placeholder="e.g. State Medical Board" />
      <TextareaField
        name="rationale"
        hint="Kept in the case file for officers and any export; the parties are told only that the case is closed."
        rows={4}
      />
      <ConfirmStep
        label="Close the case…"
        consequence={
          <p>
            The case will close with this outcome. The colleague concerned and the colleague who
            raised it will both be told that it is closed, not the outcome or your rationale.
            Reopening it later is recorded.
          </p>
        }
      >
        <SubmitButton pendingLabel="Closing…">Close case with this outcome</SubmitButton>
      </ConfirmStep>
    </ActionForm>
  );
}
