import { answerInformationAction } from "@/app/(app)/concerns/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { TextareaField } from "@/components/ui/field";
import { answerInformationSchema } from "@/lib/services/concerns/compliance-schemas";

export function AnswerInformationForm({
  requestId,
  view,
}: {
  requestId: string;
  view: "reporter" | "subject";
}) {
  return (
    <ActionForm
      action={answerInformationAction}
      schema={answerInformationSchema}
      className="mt-2 space-y-2"
      idPrefix={`answer-${requestId}-`}
    >
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="view" value={view} />
      <TextareaField
        name="answer"
        rows={3}
        hint="Only the compliance team reads your answer; the other colleague does not."
      />
      <SubmitButton pendingLabel="Sending…">Send answer</SubmitButton>
    </ActionForm>
  );
}
