import { OutcomeFields } from "@/components/concerns/outcome-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
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
      <OutcomeFields
        rationaleHint="Kept in the case file for officers and any export; the parties never see it."
        summaryHint="Optional. The colleague concerned and the colleague who raised it see the outcome and this summary. It may simply say that no further detail can be shared."
      />
      <ConfirmStep
        label="Close the case…"
        consequence={
          <p>
            The case will close with this outcome. The colleague concerned and the colleague who
            raised it will both be told that it is closed, and will see the outcome and your summary
            for them, never your rationale. Reopening it later is recorded.
          </p>
        }
      >
        <SubmitButton pendingLabel="Closing…">Close case with this outcome</SubmitButton>
      </ConfirmStep>
    </ActionForm>
  );
}
