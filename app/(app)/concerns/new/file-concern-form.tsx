import { ColleaguePicker } from "@/components/concerns/colleague-picker";
import { ConcernPostFields } from "@/components/concerns/concern-post-fields";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/field";
import type { EvidenceLimits } from "@/lib/domain/evidence";
import type { DirectoryEntry } from "@/lib/queries/users";
import { fileConcernSchema } from "@/lib/services/concerns/concern-schemas";
import { fileConcernAction } from "../actions";

export function FileConcernForm({
  today,
  remediationWindowMs,
  colleague,
  evidenceLimits,
}: {
  today: string;
  /** From the Settings: none when attaching is turned off. */
  evidenceLimits: EvidenceLimits;
  /** The organisation's response window, for what each severity leads to. */
  remediationWindowMs: number;
  /** Already chosen in the search step. */
  colleague?: DirectoryEntry;
}) {
  return (
    <ActionForm
      action={fileConcernAction}
      schema={fileConcernSchema}
      className="max-w-2xl space-y-6"
    >
      <ConcernPostFields
        colleague={<ColleaguePicker name="subjectId" initial={colleague} />}
        today={today}
        remediationWindowMs={remediationWindowMs}
        evidenceLimits={evidenceLimits}
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
