import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
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
    dailyMessageLimit: number;
    evidenceFileLimit: number;
    evidenceMegabytesPerFile: number;
    triageBusinessDays: number;
    decisionWindowDays: number;
    appealWindowDays: number;
    timeZone: string;
    supportContact: string;
    twoFactorForEveryone: boolean;
    supportProgrammeName: string;
    supportProgrammeUrl: string;
    supportProgrammePhone: string;
    patternConcernCount: number;
    patternReporterCount: number;
    patternWindowMonths: number;
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
        name="dailyMessageLimit"
        type="number"
        defaultValue={values.dailyMessageLimit}
        hint="Counted per sender and case over the last 24 hours, so a thread cannot be used to harass."
      />
      <TextField
        name="evidenceFileLimit"
        type="number"
        defaultValue={values.evidenceFileLimit}
        hint="Screenshots or PDFs of the post, at most 3. 0 turns attaching off."
      />
      <TextField
        name="evidenceMegabytesPerFile"
        type="number"
        defaultValue={values.evidenceMegabytesPerFile}
        hint="At most 5 MB."
      />
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
      <TextField
        name="appealWindowDays"
        type="number"
        defaultValue={values.appealWindowDays}
        hint="14 days by default, counted from the decision. A different officer from the one who decided takes the appeal."
      />
      <fieldset className="space-y-4">
        <legend className="font-semibold">Patterns across cases</legend>
        <p className="text-sm text-slate-600">
          When this many concerns about one colleague, from at least this many different colleagues,
          were raised within this many months, whatever became of each, the officers of their
          department get a pattern review.
        </p>
        <TextField
          name="patternConcernCount"
          type="number"
          defaultValue={values.patternConcernCount}
          hint="3 by default."
        />
        <TextField
          name="patternReporterCount"
          type="number"
          defaultValue={values.patternReporterCount}
          hint="2 by default: one person raising the same colleague again and again is not a pattern."
        />
        <TextField
          name="patternWindowMonths"
          type="number"
          defaultValue={values.patternWindowMonths}
          hint="12 by default."
        />
      </fieldset>
      <SelectField
        name="timeZone"
        defaultValue={values.timeZone}
        options={timeZoneChoices().map((zone) => ({ value: zone, label: timeZoneLabel(zone) }))}
        hint="Dates and deadlines are shown in this zone, in the app and in emails, to everyone who has not chosen their own under Preferences."
      />
      <TextField
        name="supportContact"
        defaultValue={values.supportContact}
        autoComplete="off"
        hint="A name, email and phone number, such as: IT service desk, it-help@hospital.org, extension 4357. Shown to someone whose sign-in is paused after too many failed attempts."
      />
      <CheckboxField
        name="twoFactorForEveryone"
        defaultChecked={values.twoFactorForEveryone}
        hint="Compliance officers and administrators always sign in with a code from an authenticator app. Ticked, physicians must too: anyone who has not set it up is asked to before anything else opens."
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
