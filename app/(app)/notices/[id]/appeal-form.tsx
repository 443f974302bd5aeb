import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { DateTime } from "@/components/ui/date-time";
import { TextareaField } from "@/components/ui/field";
import { fileAppealSchema } from "@/lib/services/concerns/appeal-schemas";
import { onCase } from "@/lib/services/concerns/concern-schemas";
import { fileAppealAction } from "../actions";

/** The colleague appeals the decision, until the window in Settings closes. */
export function AppealForm({
  concernId,
  until,
  timeZone,
}: {
  concernId: string;
  until: Date;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="appeal-decision" className="space-y-2">
      <h2 id="appeal-decision" className="text-lg font-semibold">
        Appeal the decision
      </h2>
      <p>
        If you think the decision is wrong, you can appeal it once, until{" "}
        <DateTime date={until} timeZone={timeZone} />. A compliance officer other than the one who
        decided will consider it, and may change the outcome or let it stand.
      </p>
      <ActionForm
        action={fileAppealAction}
        schema={onCase(fileAppealSchema)}
        className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        idPrefix="appeal-"
      >
        <input type="hidden" name="concernId" value={concernId} />
        <TextareaField
          name="explanation"
          rows={5}
          hint="The compliance team reads this. Do not include patient details."
        />
        <ConfirmStep
          label="Appeal the decision…"
          consequence={
            <p>
              Your appeal goes to the compliance team. You can appeal this decision only once. You
              and the colleague who raised the concern will both be told the result.
            </p>
          }
        >
          <SubmitButton pendingLabel="Sending…">Send my appeal</SubmitButton>
        </ConfirmStep>
      </ActionForm>
    </section>
  );
}
