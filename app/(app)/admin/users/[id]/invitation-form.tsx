import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { resendInvitationSchema } from "@/lib/services/users/user-schemas";
import { resendInvitationAction } from "../actions";

export function InvitationForm({ userId }: { userId: string }) {
  return (
    <ActionForm
      action={resendInvitationAction}
      schema={resendInvitationSchema}
      className="space-y-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        Send a new invitation
      </SubmitButton>
    </ActionForm>
  );
}
