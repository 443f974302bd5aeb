import {
  describePatientIdentifiers,
  type PatientIdentifierSpan,
} from "@/lib/domain/patient-identifiers";
import { Refusal } from "./refusal";

export const PATIENT_DETAILS_MESSAGE =
  "Consideration (a): patient details must not be shared here.";

/**
 * Text with patient identifiers the writer has not confirmed: nothing was stored. It names
 * the fields and the kinds found, never the text, so it may travel anywhere a refusal does.
 */
export class PatientDetailsRefusal extends Refusal {
  constructor(readonly findings: Readonly<Record<string, PatientIdentifierSpan[]>>) {
    super("invalid_input", PATIENT_DETAILS_MESSAGE, Object.keys(findings)[0]);
    this.name = "PatientDetailsRefusal";
  }

  /** What each field's error says: the kinds found in it and the two ways on. */
  fieldMessages(): Record<string, string[]> {
    return Object.fromEntries(
      Object.entries(this.findings).map(([field, spans]) => [
        field,
        [
          `${PATIENT_DETAILS_MESSAGE} This seems to contain ${describePatientIdentifiers(spans)}, marked below. Replace the marked words with [removed], or tick the box if they are not a patient's details.`,
        ],
      ]),
    );
  }
}
