/**
 * The rule every free-text field follows before it is stored (consideration (a)): text in
 * which patient identifiers are found is refused, field by field, until the writer removes
 * them or confirms, for that field, that they are not a patient's details. What is kept of a
 * confirmation is the kinds found, never the text.
 */
import {
  findPatientIdentifiers,
  type PatientIdentifierKind,
  type PatientIdentifierSpan,
  patientIdentifierKinds,
  REDACTED,
  redactPatientIdentifiers,
} from "./patient-identifiers";

/** The spans found in each field that still needs the writer's decision. */
export type PatientDetailsFindings = Record<string, PatientIdentifierSpan[]>;

/** For the audit event: each confirmed field and the kinds that were found in it. */
export type PatientDetailsConfirmation = Record<string, PatientIdentifierKind[]>;

export interface PatientDetailsScreening {
  /** Fields with findings the writer has not confirmed: nothing is stored while any remain. */
  unconfirmed: PatientDetailsFindings;
  /** Fields with findings the writer confirmed are not patient details. */
  confirmed: PatientDetailsConfirmation;
}

export function screenPatientDetails(
  texts: Readonly<Record<string, string | null | undefined>>,
  confirmedFields: readonly string[],
): PatientDetailsScreening {
  const screening: PatientDetailsScreening = { unconfirmed: {}, confirmed: {} };
  for (const [field, text] of Object.entries(texts)) {
    const spans = text ? findPatientIdentifiers(text) : [];
    if (!spans.length) continue;
    if (confirmedFields.includes(field)) screening.confirmed[field] = patientIdentifierKinds(spans);
    else screening.unconfirmed[field] = spans;
  }
  return screening;
}

/** The one-click remedy: every span found in the text replaced with "[removed]". */
export function redactFoundIdentifiers(text: string): string {
  return redactPatientIdentifiers(text, findPatientIdentifiers(text));
}

/**
 * An officer's redaction of stored text: the marked identifiers, every occurrence of the
 * words they name, or the whole text.
 */
export type RedactionScope =
  | { scope: "marked" }
  | { scope: "words"; words: string }
  | { scope: "whole" };

export function redactStoredText(text: string, redaction: RedactionScope): string {
  switch (redaction.scope) {
    case "marked":
      return redactFoundIdentifiers(text);
    case "whole":
      return REDACTED;
    case "words": {
      const words = redaction.words.trim();
      if (!words) return text;
      // Case-insensitive, so "smith" also removes "Smith"; the words are literal, not a pattern.
      const pattern = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
      return text.replace(pattern, REDACTED);
    }
  }
}
