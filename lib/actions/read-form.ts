import type { z } from "zod";
import type { SubmittedValues } from "./action-state";

/** Fields whose value is never sent back to the browser, even to the person who typed it. */
const SECRET_FIELD = /password|secret|^code$/i;

/**
 * The form's fields as the use case's schema expects them: a field the schema declares as
 * a list takes every submitted value (checkbox groups), any other its one text. Fields the
 * schema does not name are ignored, so a forged extra field reaches nothing.
 */
export function readForm(form: FormData, schema: z.ZodObject): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if (isList(field as z.ZodType)) {
      input[key] = form.getAll(key).filter((value) => typeof value === "string");
    } else {
      const value = form.get(key);
      input[key] = typeof value === "string" ? value : undefined;
    }
  }
  return input;
}

/** What the person submitted, to show again after a refusal. */
export function submittedValues(form: FormData): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [key, value] of form.entries()) {
    // React's own fields ($ACTION_ID…) and files are not the person's words.
    if (typeof value !== "string" || key.startsWith("$") || SECRET_FIELD.test(key)) continue;
    const earlier = values[key];
    values[key] = earlier === undefined ? value : [earlier, value].flat();
  }
  return values;
}

/** Looks through optional, default and pipe wrappers to the type the form must supply. */
function isList(schema: z.ZodType): boolean {
  let current: z.ZodType = schema;
  for (;;) {
    const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
    if (def.type === "array") return true;
    const inner = def.innerType ?? def.in;
    if (!inner) return false;
    current = inner;
  }
}
