"use client";

import { type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { CONFIRM_PATIENT_DETAILS, REDACT_PATIENT_DETAILS } from "@/lib/actions/action-state";
import {
  describePatientIdentifiers,
  findPatientIdentifiers,
  PATIENT_IDENTIFIER_LABELS,
  type PatientIdentifierSpan,
} from "@/lib/domain/patient-identifiers";
import { SubmitButton } from "./button";
import { FormContext } from "./form-context";

/** Long enough that a word is finished before it is checked, short enough to feel live. */
const PAUSE_MS = 300;

/**
 * Patient details found in a free-text field, under the field: the text with each finding
 * marked and named, a button that replaces them with "[removed]" (the server does it, so it
 * works without JavaScript) and the box that confirms they are not a patient's details.
 * The server renders it after a refused submission; in the browser it runs the very same
 * rule as the person types. Loaded only by forms with free text.
 */
export function PatientDetailsCheck({
  name,
  fieldId,
  text,
}: {
  name: string;
  fieldId: string;
  text: string;
}) {
  const form = useContext(FormContext);
  const [checked, setChecked] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setChecked(text), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const spans = useMemo(() => findPatientIdentifiers(checked), [checked]);
  if (!spans.length) return null;
  const id = `${fieldId}-patient-details`;
  const confirmed = [form?.state.values?.[CONFIRM_PATIENT_DETAILS] ?? []].flat().includes(name);
  return (
    <div id={id} className="mt-2 rounded-md border-2 border-amber-500 bg-amber-50 p-3 text-sm">
      <p aria-live="polite" className="text-amber-950">
        <strong>Consideration (a): patient details must not be shared here.</strong> This seems to
        contain {describePatientIdentifiers(spans)}, marked below.
      </p>
      <p className="mt-2 whitespace-pre-wrap break-words rounded border border-amber-300 bg-white p-2 text-slate-900">
        {marked(checked, spans)}
      </p>
      <div className="mt-3 flex flex-col gap-3">
        <SubmitButton
          name={REDACT_PATIENT_DETAILS}
          value={name}
          formNoValidate
          variant="secondary"
          className="self-start"
        >
          Replace the marked words with [removed]
        </SubmitButton>
        <label htmlFor={`${id}-confirm`} className="flex items-start gap-2">
          <input
            id={`${id}-confirm`}
            type="checkbox"
            name={CONFIRM_PATIENT_DETAILS}
            value={name}
            defaultChecked={confirmed}
            className="mt-0.5 size-5 shrink-0"
          />
          <span>
            The marked words are not a patient's details: store the text as it is. (Only the kinds
            of detail found are recorded, never your words.)
          </span>
        </label>
      </div>
    </div>
  );
}

function marked(text: string, spans: readonly PatientIdentifierSpan[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    parts.push(
      <mark key={span.start} className="rounded bg-amber-200 px-0.5 text-slate-950">
        {text.slice(span.start, span.end)}
        <span className="ml-1 text-xs font-semibold text-amber-900">
          ({PATIENT_IDENTIFIER_LABELS[span.kind]})
        </span>
      </mark>,
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts;
}
