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
    if (isList(field)) {
      input[key] = form.getAll(key).filter((value) => typeof value === "string");
    } else {
      // A field the browser did not send (an unticked box, a radio group left alone) is
      // empty, as a field left blank is, so the schema's own message explains it; unless
      // the schema gives it a default or lets it be left out.
      const value = form.get(key);
      input[key] = typeof value === "string" ? value : mayBeOmitted(field) ? undefined : "";
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

function mayBeOmitted(schema: z.ZodType): boolean {
  const { type } = schema.def as { type: string };
  return type === "optional" || type === "default";
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
