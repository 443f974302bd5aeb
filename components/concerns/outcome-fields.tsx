import { RadioGroup, TextareaField, TextField } from "@/components/ui/field";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";

/**
 * The fields of a decision, whether closing a case, deciding its appeal or deciding a
 * pattern review: the outcome, the authority a referral names, the officers' rationale and
 * the summary the parties read.
 */
export function OutcomeFields({
  outcomeName = "outcome",
  rationaleHint,
  summaryHint,
}: {
  /** An upheld appeal names the outcome that replaces the decided one. */
  outcomeName?: "outcome" | "newOutcome";
  rationaleHint: string;
  summaryHint: string;
}) {
  return (
    <>
      <RadioGroup
        name={outcomeName}
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
