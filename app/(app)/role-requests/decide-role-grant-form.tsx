import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { decideRoleGrantSchema } from "@/lib/services/roles/decide-role-grant";
import { decideRoleGrantAction } from "./actions";

const CONSEQUENCES = {
  approved: (name: string, role: string) =>
    `${name} becomes a ${role.toLowerCase()} at once: as such they can open every escalated case and the reporters' identities. This is recorded with your name and cannot be undone here; taking the role away later is a change to their account.`,
  declined: (name: string, role: string) =>
    `${name} does not become a ${role.toLowerCase()}. This is recorded with your name; to grant the role later, an administrator must ask again.`,
} as const;

/** Approving or declining one waiting role: each final, so each asks first. */
export function DecideRoleGrantForm({
  requestId,
  decision,
  name,
  role,
}: {
  requestId: string;
  decision: "approved" | "declined";
  name: string;
  role: string;
}) {
  const verb = decision === "approved" ? "Approve" : "Decline";
  return (
    <ActionForm
      action={decideRoleGrantAction}
      schema={decideRoleGrantSchema}
      className="space-y-2"
      idPrefix={`${decision}-${requestId}-`}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decision" value={decision} />
      <ConfirmStep
        label={`${verb}…`}
        variant={decision === "approved" ? "primary" : "secondary"}
        consequence={<p>{CONSEQUENCES[decision](name, role)}</p>}
      >
        <SubmitButton
          variant={decision === "approved" ? "primary" : "danger"}
          pendingLabel="Saving…"
          aria-label={`${verb} the ${role.toLowerCase()} role for ${name}`}
        >
          {verb}
        </SubmitButton>
      </ConfirmStep>
    </ActionForm>
  );
}
