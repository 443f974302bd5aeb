"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/actions/action-state";
import { createDepartmentAction } from "../users/actions";

export function DepartmentForm() {
  const [state, action] = useActionState(createDepartmentAction, IDLE);
  return (
    <form action={action} className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} />
      <TextField name="name" label="New department" required errors={state.fieldErrors?.name} />
      <SubmitButton pendingLabel="Adding…">Add department</SubmitButton>
    </form>
  );
}
