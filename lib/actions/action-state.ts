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
}

/** A form's fields as submitted: one text per field, or every value of a repeated one. */
export type SubmittedValues = Record<string, string | string[]>;

export const IDLE: ActionState = { status: "idle" };
