import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { setUserActiveSchema } from "@/lib/services/users/user-schemas";
import { setUserActiveAction } from "../actions";

export function AccountStatusForm({
  userId,
  name,
  active,
}: {
  userId: string;
  name: string;
  active: boolean;
}) {
  return (
    <ActionForm action={setUserActiveAction} schema={setUserActiveSchema} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      {active ? (
        <ConfirmStep
          label="Deactivate account…"
          variant="danger"
          consequence={
            <p>
              {name} will be signed out everywhere at once and will not be able to sign in. Their
              concerns, notices and history are kept, and you can reactivate the account later.
              Nobody else is told.
            </p>
          }
        >
          <SubmitButton variant="danger" pendingLabel="Saving…">
            Deactivate account
          </SubmitButton>
        </ConfirmStep>
      ) : (
        <SubmitButton pendingLabel="Saving…">Reactivate account</SubmitButton>
      )}
    </ActionForm>
  );
}
