import type { z } from "zod";
import type { SubmittedValues } from "./action-state";

/** Fields whose value is never sent back to the browser, even to the person who typed it. */
const SECRET_FIELD = /password|secret|^code$/i;

/**
 * The form's fields as the use case's schema expects them: a field the schema declares as
 * a list takes every submitted value (checkbox groups), a list of files every file chosen,
 * any other its one text. Fields the schema does not name are ignored, so a forged extra
 * field reaches nothing.
 */
export function readForm(form: FormData, schema: z.ZodObject): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const list = listItem(field);
    if (list?.type === "file") {
      input[key] = form.getAll(key).filter((value) => value instanceof File && isChosen(value));
    } else if (list) {
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

/**
 * What the person submitted, to show again after a refusal. A browser cannot put a file
 * back into a file input, so a chosen file comes back as its name only, for the form to
 * say which files to attach again.
 */
export function submittedValues(form: FormData): SubmittedValues {
  const values: SubmittedValues = {};
  for (const [key, entry] of form.entries()) {
    const value = typeof entry === "string" ? entry : isChosen(entry) ? entry.name : null;
    // React's own fields ($ACTION_ID…) are not the person's words.
    if (value === null || key.startsWith("$") || SECRET_FIELD.test(key)) continue;
    const earlier = values[key];
    values[key] = earlier === undefined ? value : [earlier, value].flat();
  }
  return values;
}

function mayBeOmitted(schema: z.ZodType): boolean {
  const { type } = schema.def as { type: string };
  return type === "optional" || type === "default";
}

/**
 * An input left empty sends a nameless, empty part, which Next.js's parser hands over as
 * an empty file named "blob"; so only a file with something in it was chosen. (An empty
 * file chosen on purpose would show nothing anyway.)
 */
function isChosen(file: File): boolean {
  return file.size > 0;
}

/**
 * Looks through optional, default and pipe wrappers to the type the form must supply: for
 * a list, the definition of its items; otherwise null.
 */
function listItem(schema: z.ZodType): { type: string } | null {
  let current: z.ZodType = schema;
  for (;;) {
    const def = current.def as {
      type: string;
      innerType?: z.ZodType;
      in?: z.ZodType;
      element?: z.ZodType;
    };
    if (def.type === "array") return def.element!.def as { type: string };
    const inner = def.innerType ?? def.in;
    if (!inner) return null;
    current = inner;
  }
}
