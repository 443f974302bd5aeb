import { ColleaguePicker } from "@/components/concerns/colleague-picker";
import { ConcernPostFields, type IntakeFormProps } from "@/components/concerns/concern-post-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/field";
import { fileConcernSchema } from "@/lib/services/concerns/concern-schemas";
import { fileConcernAction } from "../actions";

export function FileConcernForm({ colleague, ...intake }: IntakeFormProps) {
  return (
    <ActionForm
      action={fileConcernAction}
      schema={fileConcernSchema}
      className="max-w-2xl space-y-6"
    >
      <ConcernPostFields
        {...intake}
        colleague={<ColleaguePicker name="subjectId" initial={colleague} />}
        descriptionHint="A short description or excerpt, in your own words. Your colleague will read this; if you stay confidential, leave out your name and anything that would identify you."
      />
      <RadioGroup
        name="disclosure"
        defaultValue="confidential"
        options={[
          {
            value: "confidential",
            label: <span className="font-medium">Confidential</span>,
            description:
              'They see "a colleague". The compliance team can always see who raised a concern.',
          },
          {
            value: "named",
            label: <span className="font-medium">Named</span>,
            description: "They see your name on the notice.",
          },
        ]}
      />
      <SubmitButton pendingLabel="Sending…">Raise concern and notify colleague</SubmitButton>
    </ActionForm>
  );
}
