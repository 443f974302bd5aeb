import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createDepartmentSchema } from "@/lib/services/departments/create-department";
import { createDepartmentAction } from "../users/actions";

export function DepartmentForm() {
  return (
    <ActionForm
      action={createDepartmentAction}
      schema={createDepartmentSchema}
      className="max-w-md space-y-3"
    >
      <TextField name="name" />
      <SubmitButton pendingLabel="Adding…">Add department</SubmitButton>
    </ActionForm>
  );
}
