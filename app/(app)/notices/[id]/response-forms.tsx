import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextareaField } from "@/components/ui/field";
import { REMEDIATION_LABELS } from "@/lib/domain/concern-labels";
import { REMEDIATION_ACTIONS } from "@/lib/domain/concern-workflow";
import {
  disputeSchema,
  onCase,
  reportRemediationSchema,
} from "@/lib/services/concerns/concern-schemas";
import { disputeAction, reportRemediationAction } from "../actions";

const BOX = "space-y-3 rounded-lg border border-slate-200 bg-white p-4";
const READ_BY_REPORTER =
  "The colleague who raised this will read it, and so will the compliance team if the case goes to them.";

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
          schema={onCase(reportRemediationSchema)}
          className={BOX}
          idPrefix="remedy-"
        >
          <h3 className="font-semibold">I have dealt with the post</h3>
          <input type="hidden" name="concernId" value={concernId} />
          <RadioGroup
            name="action"
            options={REMEDIATION_ACTIONS.map((action) => ({
              value: action,
              label: REMEDIATION_LABELS[action],
            }))}
          />
          <TextareaField name="note" rows={3} hint={READ_BY_REPORTER} />
          <SubmitButton pendingLabel="Sending…">Report action</SubmitButton>
        </ActionForm>
      ) : null}
      {canDispute ? (
        <ActionForm
          action={disputeAction}
          schema={onCase(disputeSchema)}
          className={BOX}
          idPrefix="dispute-"
        >
          <h3 className="font-semibold">I disagree with this concern</h3>
          <input type="hidden" name="concernId" value={concernId} />
          <TextareaField name="explanation" rows={5} hint={READ_BY_REPORTER} />
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            Send explanation
          </SubmitButton>
        </ActionForm>
      ) : null}
    </div>
  );
}
