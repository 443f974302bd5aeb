import type { z } from "zod";
import {
  type PatientDetailsConfirmation,
  screenPatientDetails,
} from "@/lib/domain/patient-details";
import { PatientDetailsRefusal } from "@/lib/errors/patient-details-refusal";
import { freeTextFields } from "./field-schemas";

/**
 * A use case's input parsed by its schema, with its free-text fields checked for patient
 * details: refused while any field has findings its writer has not confirmed. Returns the
 * confirmations (fields and kinds, no text) for the use case's audit event, or undefined
 * when nothing was found, so an event records only what was decided.
 */
export function parseScreened<Schema extends z.ZodObject>(
  schema: Schema,
  input: unknown,
): { data: z.output<Schema>; patientDetailsConfirmed?: PatientDetailsConfirmation } {
  const data = schema.parse(input) as z.output<Schema> & Record<string, unknown>;
  const texts = Object.fromEntries(
    freeTextFields(schema).map((field) => [field, data[field] as string | undefined]),
  );
  const confirmed = Array.isArray(data.patientDetailsConfirmed)
    ? (data.patientDetailsConfirmed as string[])
    : [];
  const screening = screenPatientDetails(texts, confirmed);
  if (Object.keys(screening.unconfirmed).length) {
    throw new PatientDetailsRefusal(screening.unconfirmed);
  }
  return Object.keys(screening.confirmed).length
    ? { data, patientDetailsConfirmed: screening.confirmed }
    : { data };
}
