import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { createDepartmentSchema } from "@/lib/services/departments/create-department";
import { renameDepartmentSchema } from "@/lib/services/departments/rename-department";
import { createDepartmentAction, renameDepartmentAction } from "../users/actions";

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

export function RenameDepartmentForm({
  departmentId,
  name,
}: {
  departmentId: string;
  name: string;
}) {
  return (
    <ActionForm
      action={renameDepartmentAction}
      schema={renameDepartmentSchema}
      className="flex flex-wrap items-end gap-2"
      idPrefix={`rename-${departmentId}-`}
    >
      <input type="hidden" name="departmentId" value={departmentId} />
      <div className="min-w-0 flex-1">
        <TextField name="name" label={`New name for ${name}`} defaultValue={name} />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Rename
      </SubmitButton>
    </ActionForm>
  );
}
