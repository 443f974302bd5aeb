"use client";

import { ColleaguePicker } from "@/components/concerns/colleague-picker";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup, SelectField, TextField } from "@/components/ui/field";
import { DESCRIPTION_MAX, PLATFORM_LABELS, PLATFORMS } from "@/lib/domain/concern-fields";
import {
  AMA_CONSIDERATIONS,
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_OPTIONS,
  SEVERITY_LABELS,
} from "@/lib/domain/policy-text";
import { fileConcernAction } from "../actions";

const SEVERITY_HINTS = {
  appears_unprofessional:
    'Consideration (e): content that "appears unprofessional". Your colleague is asked to remove it or take other appropriate action; if they do not respond, the concern closes.',
  significantly_violates_norms:
    'Consideration (e): behaviour that "significantly violates professional norms". If it is not resolved, the case goes to the compliance team.',
} as const;

export function FileConcernForm({ today }: { today: string }) {
  return (
    <ActionForm action={fileConcernAction} className="max-w-2xl space-y-6">
      {(state) => {
        const errors = state.fieldErrors ?? {};
        return (
          <>
            <div
              role="note"
              className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
            >
              <p className="font-semibold">Do not include patient-identifying details.</p>
              <p>
                Describe the post without names, photos, dates of birth, record numbers or anything
                else that could identify a patient. Consideration (a): {AMA_CONSIDERATIONS.a}
              </p>
            </div>
            <ColleaguePicker name="subjectId" errors={errors.subjectId} />
            <TextField
              name="postUrl"
              label="Link to the post"
              type="url"
              inputMode="url"
              placeholder="https://"
              required
              errors={errors.postUrl}
            />
            <SelectField
              name="platform"
              label="Platform"
              defaultValue=""
              errors={errors.platform}
              options={[
                { value: "", label: "Choose…" },
                ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] })),
              ]}
            />
            <TextField
              name="seenOn"
              label="Date you saw it"
              type="date"
              max={today}
              defaultValue={today}
              required
              errors={errors.seenOn}
            />
            <div>
              <label htmlFor="description" className="block text-sm font-medium">
                What the post shows
              </label>
              <p id="description-hint" className="text-sm text-slate-600">
                A short description or excerpt, in your own words. Your colleague will read this.
              </p>
              <textarea
                id="description"
                name="description"
                rows={5}
                maxLength={DESCRIPTION_MAX}
                aria-describedby={`description-hint${errors.description ? " description-error" : ""}`}
                aria-invalid={errors.description ? true : undefined}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
              />
              {errors.description ? (
                <p id="description-error" className="mt-1 text-sm font-medium text-red-700">
                  {errors.description.join(" ")}
                </p>
              ) : null}
            </div>
            <CheckboxGroup
              name="categories"
              legend="Which considerations of the policy does it touch?"
              errors={errors.categories}
              options={CONCERN_CATEGORIES.map((c) => {
                const letter = CONCERN_CATEGORY_OPTIONS[c].consideration;
                return {
                  value: c,
                  label: `${CONCERN_CATEGORY_OPTIONS[c].label}${letter ? ` (${letter})` : ""}`,
                  description: letter ? AMA_CONSIDERATIONS[letter] : undefined,
                };
              })}
            />
            <fieldset>
              <legend className="text-sm font-medium">
                How serious is it, in your honest judgement?
              </legend>
              <div className="mt-1 space-y-2">
                {(["appears_unprofessional", "significantly_violates_norms"] as const).map(
                  (severity) => (
                    <label key={severity} className="flex items-start gap-2 text-sm">
                      <input
                        type="radio"
                        name="severity"
                        value={severity}
                        className="mt-1 size-4"
                      />
                      <span>
                        <span className="font-medium">{SEVERITY_LABELS[severity]}</span>
                        <span className="block text-slate-600">{SEVERITY_HINTS[severity]}</span>
                      </span>
                    </label>
                  ),
                )}
              </div>
              {errors.severity ? (
                <p className="mt-1 text-sm font-medium text-red-700">{errors.severity.join(" ")}</p>
              ) : null}
            </fieldset>
            <fieldset>
              <legend className="text-sm font-medium">Will your colleague see your name?</legend>
              <div className="mt-1 space-y-2">
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="disclosure"
                    value="confidential"
                    defaultChecked
                    className="mt-1 size-4"
                  />
                  <span>
                    <span className="font-medium">Confidential</span>
                    <span className="block text-slate-600">
                      They see "a colleague". The compliance team can always see who raised a
                      concern.
                    </span>
                  </span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input type="radio" name="disclosure" value="named" className="mt-1 size-4" />
                  <span>
                    <span className="font-medium">Named</span>
                    <span className="block text-slate-600">They see your name on the notice.</span>
                  </span>
                </label>
              </div>
            </fieldset>
            <SubmitButton pendingLabel="Sending…">Raise concern and notify colleague</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
