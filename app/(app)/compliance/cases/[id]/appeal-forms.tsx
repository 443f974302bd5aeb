import { z } from "zod";
import { OutcomeFields } from "@/components/concerns/outcome-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { RadioGroup } from "@/components/ui/field";
import { decideAppealSchema } from "@/lib/services/concerns/appeal-schemas";
import { onCase } from "@/lib/services/concerns/concern-schemas";
import { decideAppealAction, takeAppealAction } from "../../actions";

export function TakeAppealForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm action={takeAppealAction} schema={onCase(z.object({}))} className="space-y-2">
      <input type="hidden" name="concernId" value={concernId} />
      <SubmitButton pendingLabel="Taking…">Take this appeal</SubmitButton>
    </ActionForm>
  );
}

export function DecideAppealForm({ concernId }: { concernId: string }) {
  return (
    <ActionForm
      action={decideAppealAction}
      schema={onCase(decideAppealSchema)}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      idPrefix="appeal-"
    >
      <input type="hidden" name="concernId" value={concernId} />
      <RadioGroup
        name="decision"
        options={[
          { value: "upheld", label: "Uphold: change the outcome" },
          { value: "dismissed", label: "Dismiss: the decision stands" },
        ]}
      />
      <OutcomeFields
        outcomeName="newOutcome"
        rationaleHint="Kept in the case file for officers and any export; the parties never see it."
        summaryHint="Optional. Both colleagues see the result of the appeal and this summary."
      />
      <ConfirmStep
        label="Decide the appeal…"
        consequence={
          <p>
            Upheld, the case&apos;s outcome changes to the one you chose; dismissed, it stays as
            decided. The colleague concerned and the colleague who raised it will both be told, and
            will see the result and your summary, never your rationale. This cannot be undone.
          </p>
        }
      >
        <SubmitButton pendingLabel="Deciding…">Decide the appeal</SubmitButton>
      </ConfirmStep>
    </ActionForm>
  );
}
