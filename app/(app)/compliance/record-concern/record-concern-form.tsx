import { ColleaguePicker } from "@/components/concerns/colleague-picker";
import { ConcernPostFields, type IntakeFormProps } from "@/components/concerns/concern-post-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup, TextField } from "@/components/ui/field";
import { CHANNEL_LABELS, RECORDED_CHANNELS } from "@/lib/domain/concern-channels";
import { recordConcernSchema } from "@/lib/services/concerns/concern-schemas";
import { recordConcernAction } from "./actions";

const PAGE = "/compliance/record-concern";

/** The physician's intake, with how the concern arrived and who raised it. */
export function RecordConcernForm({ colleague, ...intake }: IntakeFormProps) {
  return (
    <ActionForm
      action={recordConcernAction}
      schema={recordConcernSchema}
      className="max-w-2xl space-y-6"
    >
      <RadioGroup
        name="channel"
        options={RECORDED_CHANNELS.map((channel) => ({
          value: channel,
          label: CHANNEL_LABELS[channel],
        }))}
      />
      <RadioGroup
        name="source"
        options={[
          {
            value: "anonymous",
            label: <span className="font-medium">Anonymous</span>,
            description:
              "Nobody is named. You follow the concern as its reporter of record and answer for the source; you cannot then work the case as an officer.",
          },
          {
            value: "physician",
            label: <span className="font-medium">A physician of the organisation</span>,
            description:
              "Give their email below. They are told, and follow the concern as if they had raised it here.",
          },
          {
            value: "outside",
            label: <span className="font-medium">Someone else</span>,
            description:
              "A person without an account, or a body such as a licensing board: give the name below. You follow the concern for them.",
          },
        ]}
      />
      <TextField
        name="reporterEmail"
        type="email"
        autoComplete="off"
        hint="Only when a physician of the organisation raised it."
      />
      <TextField
        name="sourceName"
        autoComplete="off"
        hint="Only when someone else raised it. The colleague sees this name only if you choose Named below."
      />
      <ConcernPostFields
        {...intake}
        colleague={<ColleaguePicker name="subjectId" initial={colleague} page={PAGE} />}
        descriptionHint="What the post shows, as it was reported to you. The colleague will read this: leave out your own name and anything that would identify a confidential source."
      />
      <RadioGroup
        name="disclosure"
        defaultValue="confidential"
        options={[
          {
            value: "confidential",
            label: <span className="font-medium">Confidential</span>,
            description: "The colleague sees only how the concern arrived, such as “by telephone”.",
          },
          {
            value: "named",
            label: <span className="font-medium">Named</span>,
            description:
              "The colleague sees the name of the physician or person who raised it, when they agreed. Never yours.",
          },
        ]}
      />
      <SubmitButton pendingLabel="Recording…">Record concern and notify colleague</SubmitButton>
    </ActionForm>
  );
}
