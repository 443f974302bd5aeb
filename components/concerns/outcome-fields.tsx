import { RadioGroup, TextareaField, TextField } from "@/components/ui/field";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";

/**
 * The fields of a decision, a case's or a pattern review's: the outcome, the authority a
 * referral names, the officers' rationale and the summary the parties read.
 */
export function OutcomeFields({
  rationaleHint,
  summaryHint,
}: {
  rationaleHint: string;
  summaryHint: string;
}) {
  return (
    <>
      <RadioGroup
        name="outcome"
        options={CASE_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: OUTCOME_LABELS[outcome],
        }))}
      />
      <TextField name="externalAuthority" placeholder="e.g. State Medical Board" />
      <TextareaField name="rationale" hint={rationaleHint} rows={4} />
      <TextareaField name="partySummary" hint={summaryHint} rows={3} />
    </>
  );
}
