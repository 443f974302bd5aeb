"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { updateEmailPreferencesAction } from "./actions";

export function EmailPreferencesForm({ remindersByEmail }: { remindersByEmail: boolean }) {
  return (
    <ActionForm action={updateEmailPreferencesAction} className="max-w-xl space-y-4">
      {() => (
        <>
          <div className="flex items-start gap-3">
            <input
              id="remindersByEmail"
              name="remindersByEmail"
              type="checkbox"
              defaultChecked={remindersByEmail}
              aria-describedby="remindersByEmail-hint"
              className="mt-1 size-5"
            />
            <div>
              <label htmlFor="remindersByEmail" className="font-medium">
                Email me reminders before deadlines
              </label>
              <p id="remindersByEmail-hint" className="text-sm text-slate-600">
                Sent before a deadline on something waiting for you. Reminders always appear under
                Notifications in the app, whatever you choose here.
              </p>
            </div>
          </div>
          <SubmitButton pendingLabel="Saving…">Save email preferences</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
