import { z } from "zod";
import { NOTE_MAX } from "@/lib/domain/concern-fields";
import { isTimeZone } from "@/lib/domain/date-words";
import { isPlainText, NOT_PLAIN_TEXT_MESSAGE, visibleLength } from "@/lib/domain/plain-text";

// The building blocks of every use case's schema. The services parse with them, so a
// hand-made request meets the same limits as the form.

/**
 * Marks a schema as someone's own words, which are checked for patient details before they
 * are stored (consideration (a)). Zod keeps a registry entry through `.max()`, `.describe()`
 * and other refinements of the marked schema, so a field built from `longText` or
 * `optionalText` stays marked whatever its use case adds.
 */
const FREE_TEXT = z.registry<{ freeText: true }>();

/**
 * Text that must say something: at least `min` characters a reader can see. The plain
 * minimum stays too, since the form's minlength hint is read from it.
 */
export const shortText = (
  min: number,
  max: number,
  tooShort: string,
  tooLong = `Keep this under ${max} characters.`,
) =>
  z
    .string(tooShort)
    .trim()
    // Too short already: the visible-length check below would only repeat the message.
    .min(min, { error: tooShort, abort: true })
    .max(max, tooLong)
    .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE)
    .refine((text) => visibleLength(text, min) >= min, tooShort);

/** Free text a person writes: trimmed, at least `min` visible characters, bounded, no control characters. */
export const longText = (min: number, tooShort: string) =>
  shortText(min, NOTE_MAX, tooShort).register(FREE_TEXT, { freeText: true });

/** Free text a person may leave empty, with the same limits. */
export const optionalText = (max: number = NOTE_MAX) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE)
    .register(FREE_TEXT, { freeText: true });

/** The fields of a use case's schema that hold someone's own words. */
export function freeTextFields(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => isFreeText(field as z.ZodType))
    .map(([name]) => name);
}

function isFreeText(schema: z.ZodType): boolean {
  let current: z.ZodType | undefined = schema;
  while (current) {
    if (FREE_TEXT.get(current)) return true;
    const def = current.def as { innerType?: z.ZodType; in?: z.ZodType };
    current = def.innerType ?? def.in;
  }
  return false;
}

/**
 * The free-text fields whose findings the writer confirmed are not patient details: one
 * checkbox per field, each sending its field's name. Every schema with free text has it.
 */
export const patientDetailsConfirmed = () =>
  z.array(z.string()).default([]).describe("These are not a patient's details");

/**
 * The id of a record, as a request names it: a UUID in its one normal form (lower case),
 * so the same record is the same text wherever ids are compared.
 */
export const recordId = (message: string) =>
  z.string(message).trim().min(1, message).toLowerCase().pipe(z.uuid(message));

/** A confidential reporter's "send it as it is", when their words would name them. */
export const identityConfirmed = () =>
  flag()
    .default(false)
    .describe("Send it as it is: I understand my colleague may recognise me from it");

/**
 * Yes or no: a boolean from code, or from a form a ticked checkbox ("on") or a button's
 * "true"; anything else from a form, including nothing, is no.
 */
export const flag = () =>
  z.union([z.boolean(), z.string().transform((value) => value === "on" || value === "true")]);

const NOT_A_TIME_ZONE = "Choose a time zone from the list.";

/** An IANA time zone from Intl's list, as the zone pickers offer them. */
export const timeZone = () =>
  z
    .string(NOT_A_TIME_ZONE)
    .trim()
    // Marks the field required on its form; one message for a blank, not two.
    .min(1, { message: NOT_A_TIME_ZONE, abort: true })
    .refine(isTimeZone, NOT_A_TIME_ZONE);

/** A person's own time zone, or none ("" from a form): they read dates in the organisation's. */
export const ownTimeZone = () =>
  z
    .union(
      [
        z.null(),
        z.literal(""),
        z.string(NOT_A_TIME_ZONE).trim().refine(isTimeZone, NOT_A_TIME_ZONE),
      ],
      NOT_A_TIME_ZONE,
    )
    .transform((zone) => zone || null);
