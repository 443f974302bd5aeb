/**
 * What every form's server action hands back to its form. Safe for client components:
 * it carries no server code.
 */
export interface ActionState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Somewhere the person can go to sort it out, such as the concern a duplicate refers to. */
  link?: { href: string; label: string };
  /** On an error, what the person submitted (never a password), so the form shows it again. */
  values?: SubmittedValues;
  /** On success, what is shown this once and never again, such as new recovery codes. */
  revealed?: string[];
  /**
   * On success, the page the browser goes to next, by itself (see formAction's
   * `navigate`); without JavaScript the same page comes as a 303.
   */
  goTo?: string;
}

/** A form's fields as submitted: one text per field, or every value of a repeated one. */
export type SubmittedValues = Record<string, string | string[]>;

export const IDLE: ActionState = { status: "idle" };

/**
 * The two answers a writer gives to patient details found in a field: the submit button
 * that replaces them with "[removed]" (its value names the field), and the box per field
 * that confirms they are not a patient's details.
 */
export const REDACT_PATIENT_DETAILS = "patientDetailsRedact";
export const CONFIRM_PATIENT_DETAILS = "patientDetailsConfirmed";

/** What a field's control is told from its schema: required, and the limits it checks. */
export interface FieldHints {
  /** What the field is called, as its form labels it: the schema's description. */
  label?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  /** Someone's own words: checked for patient details as they type and before storing. */
  freeText?: boolean;
  min?: number;
  max?: number;
}

/** The hints of every field of one form, by field name. */
export type FormHints = Readonly<Record<string, FieldHints>>;
