import { z } from "zod";
import { freeTextFields } from "@/lib/services/field-schemas";
import type { FieldHints, FormHints } from "./action-state";

interface JsonField {
  type?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  anyOf?: JsonField[];
}

/**
 * The hints a form's controls take from the use case's schema (required, lengths,
 * numeric bounds), so the browser and the server enforce one set of limits. Read on the
 * server and passed to the form as plain data: zod itself never ships to the browser.
 */
export function formHints(schema: z.ZodObject): FormHints {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonField>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  const freeText = new Set(freeTextFields(schema));
  return Object.fromEntries(
    Object.entries(json.properties ?? {}).map(([name, field]) => [
      name,
      { ...hintsOf(field, required.has(name)), ...(freeText.has(name) && { freeText: true }) },
    ]),
  );
}

function hintsOf(field: JsonField, listedAsRequired: boolean): FieldHints {
  const hints: FieldHints = {};
  if (field.description) hints.label = field.description;
  // A field that takes an empty value ("no department", "no password") is not required,
  // whatever the schema's own bookkeeping says.
  if (listedAsRequired && !acceptsEmpty(field)) hints.required = true;
  const text = field.anyOf?.find((option) => option.type === "string" && option.maxLength) ?? field;
  if (text.minLength) hints.minLength = text.minLength;
  if (text.maxLength) hints.maxLength = text.maxLength;
  if (field.minimum !== undefined) hints.min = field.minimum;
  if (field.maximum !== undefined) hints.max = field.maximum;
  return hints;
}

function acceptsEmpty(field: JsonField): boolean {
  if (field.anyOf) return field.anyOf.some(acceptsEmpty);
  if (field.type === "array") return !field.minItems;
  if (field.type !== "string") return false;
  if (field.const !== undefined) return field.const === "";
  return !field.minLength && !field.enum && !field.format && !field.pattern;
}
