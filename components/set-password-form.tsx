import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action-state";
import { passwordFromLinkSchema } from "@/lib/services/accounts/password-schemas";
import { NewPasswordFields } from "./new-password-fields";

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
      <NewPasswordFields email={email} />
      <SubmitButton className="w-full" pendingLabel="Saving…">
        {submit}
      </SubmitButton>
    </ActionForm>
  );
}
