import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/actions/action-state";
import {
  NEW_PASSWORD_HINT,
  passwordFromLinkSchema,
} from "@/lib/services/accounts/password-schemas";

/** Choosing a password from an emailed link: a reset, or an invitation's first one. */
export function SetPasswordForm({
  action,
  token,
  email,
  submit,
}: {
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
  token: string;
  email: string;
  submit: string;
}) {
  return (
    <ActionForm action={action} schema={passwordFromLinkSchema} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {/* For password managers: whose password this is. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
      />
      <TextField
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        hint="For your safety, passwords are never shown again: if the form is refused, type them again."
      />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}
