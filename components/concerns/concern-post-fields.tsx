import type { ReactNode } from "react";
import { EvidenceField } from "@/components/concerns/evidence-field";
import { SeverityGuidance } from "@/components/concerns/severity-guidance";
import {
  CheckboxField,
  CheckboxGroup,
  ConfirmationBox,
  RadioGroup,
  SelectField,
  TextareaField,
  TextField,
} from "@/components/ui/field";
import { PLATFORM_LABELS, PLATFORMS } from "@/lib/domain/concern-fields";
import type { EvidenceLimits } from "@/lib/domain/evidence";
import {
  AMA_CONSIDERATIONS,
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_OPTIONS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/policy-text";
import { severityConsequences } from "@/lib/domain/severity-guidance";
import type { DirectoryEntry } from "@/lib/queries/users";

// The phrase of consideration (e) each choice stands for.
const SEVERITY_PHRASES = {
  appears_unprofessional: 'Content that "appears unprofessional".',
  significantly_violates_norms: 'Behaviour that "significantly violates professional norms".',
} as const;

/** What an intake form (a physician's or an officer's) is given by its page. */
export interface IntakeFormProps {
  /** The reader's today, the latest day the post can have been seen. */
  today: string;
  /** From the Settings: none when attaching is turned off. */
  evidenceLimits: EvidenceLimits;
  /** The organisation's response window, for what each severity leads to. */
  remediationWindowMs: number;
  /** Already chosen in the search step. */
  colleague?: DirectoryEntry;
}

/**
 * The fields of a concern about a post, the same whether a physician raises it or an
 * officer records it: the patient-details warning, the colleague (the caller's picker),
 * the post, the considerations and the severity. Inside an ActionForm whose schema has them.
 */
export function ConcernPostFields({
  colleague,
  today,
  remediationWindowMs,
  evidenceLimits,
  descriptionHint,
}: {
  colleague: ReactNode;
  descriptionHint: string;
} & Omit<IntakeFormProps, "colleague">) {
  const consequences = severityConsequences(remediationWindowMs);
  return (
    <>
      <div
        role="note"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      >
        <p className="font-semibold">Do not include patient-identifying details.</p>
        <p>
          Describe the post without names, photos, dates of birth, record numbers or anything else
          that could identify a patient. Consideration (a): {AMA_CONSIDERATIONS.a}
        </p>
      </div>
      {colleague}
      <TextField name="postUrl" type="url" inputMode="url" placeholder="https://" />
      <SelectField
        name="platform"
        defaultValue=""
        options={[
          { value: "", label: "Choose…" },
          ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] })),
        ]}
      />
      <TextField name="seenOn" type="date" max={today} defaultValue={today} />
      <TextareaField name="description" hint={descriptionHint} rows={5} />
      {evidenceLimits.files > 0 ? (
        <div className="space-y-3">
          <EvidenceField name="evidence" limits={evidenceLimits} />
          <CheckboxField
            name="evidenceConfirmed"
            hint="Required when you attach files. Your colleague and, if it comes to that, the compliance team will see them."
          />
        </div>
      ) : null}
      <CheckboxGroup
        name="categories"
        options={CONCERN_CATEGORIES.map((c) => {
          const letter = CONCERN_CATEGORY_OPTIONS[c].consideration;
          return {
            value: c,
            label: `${CONCERN_CATEGORY_OPTIONS[c].label}${letter ? ` (${letter})` : ""}`,
            description: letter ? AMA_CONSIDERATIONS[letter] : undefined,
          };
        })}
      />
      <TextField
        name="otherConsideration"
        hint="For example: harassing a colleague online. Your colleague will read this."
      />
      <ConfirmationBox name="identityConfirmed" />
      <SeverityGuidance />
      <RadioGroup
        name="severity"
        options={SEVERITIES.map((severity) => ({
          value: severity,
          label: <span className="font-medium">{SEVERITY_LABELS[severity]}</span>,
          description: (
            <>
              {SEVERITY_PHRASES[severity]} What happens:
              {consequences[severity].map((step) => (
                <span key={step} className="block">
                  – {step}
                </span>
              ))}
            </>
          ),
        }))}
      />
    </>
  );
}
