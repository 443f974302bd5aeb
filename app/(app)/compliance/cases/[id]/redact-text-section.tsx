import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { RadioGroup, SelectField, TextField } from "@/components/ui/field";
import type { ConcernDetail } from "@/lib/queries/concerns";
import { onCase } from "@/lib/services/concerns/concern-schemas";
import { CASE_TEXT_FIELDS, redactCaseTextSchema } from "@/lib/services/concerns/redaction-schemas";
import { redactCaseTextAction } from "../../actions";

type Request = { id: string; question: string; answer: string | null };

/**
 * The holder removes patient details that reached the case before they were caught, or
 * that were confirmed in error (consideration (a)). Offered only for text the case has.
 */
export function RedactTextSection({
  concern,
  requests,
}: {
  concern: ConcernDetail;
  requests: readonly Request[];
}) {
  const options = [
    ...Object.entries(CASE_TEXT_FIELDS)
      .filter(([field]) => concern[field as keyof typeof CASE_TEXT_FIELDS])
      .map(([value, label]) => ({ value, label })),
    ...requests.flatMap((request, index) => [
      { value: `question:${request.id}`, label: `Question ${index + 1}` },
      ...(request.answer ? [{ value: `answer:${request.id}`, label: `Answer ${index + 1}` }] : []),
    ]),
  ];
  return (
    <section aria-labelledby="redact" className="space-y-3">
      <h2 id="redact" className="text-lg font-semibold">
        Remove patient details
      </h2>
      <p className="max-w-2xl text-sm">
        Consideration (a): patient details must not be shared here. If the case holds a patient's
        name, record number or other detail, you can replace it with [removed] on every page and
        export. The audit trail records that you did it and a fingerprint (SHA-256) of the text as
        it was, never the text.
      </p>
      <ActionForm
        action={redactCaseTextAction}
        schema={onCase(redactCaseTextSchema)}
        className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        idPrefix="redact-"
      >
        <input type="hidden" name="concernId" value={concern.id} />
        <SelectField
          name="field"
          defaultValue=""
          options={[{ value: "", label: "Choose the text" }, ...options]}
        />
        <RadioGroup
          name="scope"
          defaultValue="marked"
          options={[
            {
              value: "marked",
              label: "The patient details found in it",
              description: "The words the check marks as names, numbers, dates and the like.",
            },
            {
              value: "words",
              label: "The words I type below",
              description: "Every place they appear in that text.",
            },
            { value: "whole", label: "The whole text" },
          ]}
        />
        <TextField name="words" />
        <ConfirmStep
          label="Remove…"
          consequence={
            <p>
              The words will be replaced with [removed] for everyone, in every page and export. This
              cannot be undone.
            </p>
          }
        >
          <SubmitButton pendingLabel="Removing…">Remove them for good</SubmitButton>
        </ConfirmStep>
      </ActionForm>
    </section>
  );
}
