import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordSchema, NEW_PASSWORD_HINT } from "@/lib/services/accounts/password-schemas";
import { changeOwnPasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  return (
    <ActionForm
      action={changeOwnPasswordAction}
      schema={changePasswordSchema}
      className="max-w-md space-y-4"
    >
      {/* For password managers: whose password this is. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField name="currentPassword" type="password" autoComplete="current-password" />
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
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </ActionForm>
  );
}
