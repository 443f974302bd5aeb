import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { timeZoneChoices, timeZoneLabel } from "@/lib/domain/date-words";
import { workflowSettingsSchema } from "@/lib/services/settings/update-workflow-settings";
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
    timeZone: string;
    supportProgrammeName: string;
    supportProgrammeUrl: string;
    supportProgrammePhone: string;
  };
}) {
  return (
    <ActionForm
      action={updateWorkflowSettingsAction}
      schema={workflowSettingsSchema}
      className="max-w-md space-y-4"
    >
      <TextField
        name="remediationWindowHours"
        type="number"
        defaultValue={values.remediationWindowHours}
        hint="168 hours is 7 days."
      />
      <TextField
        name="confirmationWindowHours"
        type="number"
        defaultValue={values.confirmationWindowHours}
        hint="After this, a reported action is taken as confirmed and a dispute as accepted."
      />
      <TextField
        name="reminderLeadHours"
        type="number"
        defaultValue={values.reminderLeadHours}
        hint="48 hours by default. In a window shorter than twice this, the reminder goes out halfway through."
      />
      <TextField name="dailyFilingLimit" type="number" defaultValue={values.dailyFilingLimit} />
      <TextField
        name="triageBusinessDays"
        type="number"
        defaultValue={values.triageBusinessDays}
        hint="Monday to Friday. Unclaimed cases past this are flagged overdue and officers are reminded."
      />
      <TextField
        name="decisionWindowDays"
        type="number"
        defaultValue={values.decisionWindowDays}
        hint="Counted from the escalation. Open cases past this are flagged overdue and their officer is reminded."
      />
      <SelectField
        name="timeZone"
        defaultValue={values.timeZone}
        options={timeZoneChoices().map((zone) => ({ value: zone, label: timeZoneLabel(zone) }))}
        hint="Dates and deadlines are shown in this zone, in the app and in emails, to everyone who has not chosen their own under Preferences."
      />
      <fieldset className="space-y-4">
        <legend className="font-semibold">Support for colleagues who receive a notice</legend>
        <p className="text-sm text-slate-600">
          Every notice offers these, so a colleague under strain knows where to turn. Leave them
          empty and the notice says nothing about a programme.
        </p>
        <TextField
          name="supportProgrammeName"
          defaultValue={values.supportProgrammeName}
          hint="For example: Physician Wellbeing Programme."
        />
        <TextField
          name="supportProgrammeUrl"
          type="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={values.supportProgrammeUrl}
        />
        <TextField
          name="supportProgrammePhone"
          type="tel"
          autoComplete="off"
          defaultValue={values.supportProgrammePhone}
        />
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </ActionForm>
  );
}
