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
    triageBusinessDays: number;
    decisionWindowDays: number;
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
          <TextField
            name="triageBusinessDays"
            label="Time compliance has to take on an escalated case (business days)"
            type="number"
            min={1}
            defaultValue={values.triageBusinessDays}
            errors={state.fieldErrors?.triageBusinessDays}
            hint="Monday to Friday. Unclaimed cases past this are flagged overdue and officers are reminded."
          />
          <TextField
            name="decisionWindowDays"
            label="Time compliance has to decide an escalated case (days)"
            type="number"
            min={1}
            defaultValue={values.decisionWindowDays}
            errors={state.fieldErrors?.decisionWindowDays}
            hint="Counted from the escalation. Open cases past this are flagged overdue and their officer is reminded."
          />
          <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
