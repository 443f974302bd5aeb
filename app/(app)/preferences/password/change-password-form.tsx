import { NewPasswordFields } from "@/components/new-password-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/services/accounts/password-schemas";
import { changeOwnPasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  return (
    <ActionForm
      action={changeOwnPasswordAction}
      schema={changePasswordSchema}
      className="max-w-md space-y-4"
    >
      <TextField name="currentPassword" type="password" autoComplete="current-password" />
      <NewPasswordFields email={email} />
      <SubmitButton pendingLabel="Changing…">Change password</SubmitButton>
    </ActionForm>
  );
}
