"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateWorkflowSettingsAction } from "./actions";

export function SettingsForm({
  values,
}: {
  values: {
    remediationWindowHours: number;
    confirmationWindowHours: number;
    reminderLeadHours: number;
    dailyFilingLimit: number;
  };
}) {
  return (
    <ActionForm action={updateWorkflowSettingsAction} className="max-w-md space-y-4">
      {(state) => (
        <>
          <TextField
            name="remediationWindowHours"
            label="Time a colleague has to respond to a notice (hours)"
            type="number"
            min={1}
            defaultValue={values.remediationWindowHours}
            errors={state.fieldErrors?.remediationWindowHours}
            hint="168 hours is 7 days."
          />
          <TextField
            name="confirmationWindowHours"
            label="Time a reporter has to answer a response (hours)"
            type="number"
            min={1}
            defaultValue={values.confirmationWindowHours}
            errors={state.fieldErrors?.confirmationWindowHours}
            hint="After this, a reported action is taken as confirmed and a dispute as accepted."
          />
          <TextField
            name="reminderLeadHours"
            label="Remind the person waited on this long before a deadline (hours)"
            type="number"
            min={1}
            defaultValue={values.reminderLeadHours}
            errors={state.fieldErrors?.reminderLeadHours}
            hint="48 hours by default. In a window shorter than twice this, the reminder goes out halfway through."
          />
          <TextField
            name="dailyFilingLimit"
            label="Concerns one physician may raise per 24 hours"
            type="number"
            min={1}
            defaultValue={values.dailyFilingLimit}
            errors={state.fieldErrors?.dailyFilingLimit}
          />
          <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
