import type { z } from "zod";
import { redactFoundIdentifiers } from "@/lib/domain/patient-details";
import { freeTextFields } from "@/lib/services/field-schemas";
import { type ActionState, REDACT_PATIENT_DETAILS } from "./action-state";
import { submittedValues } from "./read-form";

/**
 * The form as it was sent, with the patient identifiers found in one free-text field
 * replaced by "[removed]", to show again; nothing is stored. The field is found by the
 * detector on the server, never from spans a browser sends.
 */
export function redactSubmittedField(
  form: FormData,
  schema: z.ZodObject,
  field: string,
): ActionState {
  const values = submittedValues(form);
  delete values[REDACT_PATIENT_DETAILS];
  const text = values[field];
  if (!freeTextFields(schema).includes(field) || typeof text !== "string") {
    return { status: "idle", values };
  }
  values[field] = redactFoundIdentifiers(text);
  return {
    status: "idle",
    message:
      "The marked words are replaced with [removed]. Read the text again, then send the form.",
    values,
  };
}
