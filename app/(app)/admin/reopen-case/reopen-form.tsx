import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextareaField, TextField } from "@/components/ui/field";
import { reopenByReferenceSchema } from "@/lib/services/concerns/compliance-schemas";
import { reopenByReferenceAction } from "./actions";

export function ReopenByReferenceForm() {
  return (
    <ActionForm
      action={reopenByReferenceAction}
      schema={reopenByReferenceSchema}
      className="max-w-md space-y-4"
    >
      <TextField name="reference" placeholder="PC-000123" autoComplete="off" />
      <TextareaField name="reason" rows={3} />
      <SubmitButton pendingLabel="Reopening…">Reopen case</SubmitButton>
    </ActionForm>
  );
}
