"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/actions/action-state";
import { setUserActiveAction } from "../actions";

export function AccountStatusForm({ userId, active }: { userId: string; active: boolean }) {
  const [state, action] = useActionState(setUserActiveAction, IDLE);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={String(!active)} />
      <SubmitButton variant={active ? "danger" : "primary"} pendingLabel="Saving…">
        {active ? "Deactivate account" : "Reactivate account"}
      </SubmitButton>
    </form>
  );
}
