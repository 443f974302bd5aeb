import { TextField } from "@/components/ui/field";
import { NEW_PASSWORD_HINT } from "@/lib/services/accounts/password-schemas";

/**
 * A new password typed twice, with the account's email for password managers; inside an
 * ActionForm whose schema has `newPassword` and `confirmPassword`.
 */
export function NewPasswordFields({ email }: { email: string }) {
  return (
    <>
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
    </>
  );
}
