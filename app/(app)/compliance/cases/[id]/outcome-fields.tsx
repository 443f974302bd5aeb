import { RadioGroup, TextareaField, TextField } from "@/components/ui/field";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";

/**
 * What an officer records when deciding, whether closing a case or an appeal of it: the
 * outcome, the authority of a referral, the internal rationale and the parties' summary.
 */
export function OutcomeFields({
  outcomeName,
  summaryHint,
}: {
  outcomeName: "outcome" | "newOutcome";
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
      <TextareaField
        name="rationale"
        hint="Kept in the case file for officers and any export; the parties never see it."
        rows={4}
      />
      <TextareaField name="partySummary" hint={summaryHint} rows={3} />
    </>
  );
}
