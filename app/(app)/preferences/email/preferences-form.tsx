import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/field";
import { emailPreferencesSchema } from "@/lib/services/notifications/update-email-preferences";
import { updateEmailPreferencesAction } from "./actions";

export function EmailPreferencesForm({ remindersByEmail }: { remindersByEmail: boolean }) {
  return (
    <ActionForm
      action={updateEmailPreferencesAction}
      schema={emailPreferencesSchema}
      className="max-w-xl space-y-4"
    >
      <CheckboxField
        name="remindersByEmail"
        hint="Sent before a deadline on something waiting for you. Reminders always appear under Notifications in the app, whatever you choose here."
        defaultChecked={remindersByEmail}
      />
      <SubmitButton pendingLabel="Saving…">Save email preferences</SubmitButton>
    </ActionForm>
  );
}
