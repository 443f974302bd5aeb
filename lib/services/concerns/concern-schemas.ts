import { z } from "zod";
import {
  DESCRIPTION_MAX,
  IDENTITY_DISCLOSURES,
  NOTE_MAX,
  PLATFORMS,
} from "@/lib/domain/concern-fields";
import { CASE_OUTCOMES, REMEDIATION_ACTIONS } from "@/lib/domain/concern-workflow";
import { isPlainText, NOT_PLAIN_TEXT_MESSAGE } from "@/lib/domain/plain-text";
import { CONCERN_CATEGORIES, SEVERITIES } from "@/lib/domain/policy-text";

// Shared by the forms and the services; the services parse again, so a hand-made request
// meets the same limits as the form.

/** Free text a person writes: trimmed, at least `min` characters, bounded, no control characters. */
export const longText = (min: number, tooShort: string) =>
  z
    .string()
    .trim()
    .min(min, tooShort)
    .max(NOTE_MAX, `Keep this under ${NOTE_MAX} characters.`)
    .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE);

/** Free text a person may leave empty, with the same limits. */
export const optionalText = (max: number = NOTE_MAX) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters.`)
    .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE);

export const fileConcernSchema = z.object({
  subjectId: z.uuid("Choose the colleague from the directory."),
  postUrl: z
    .string()
    .trim()
    .max(2048, "That link is too long.")
    // The URL parser would silently drop tabs and line breaks; refuse them, and the other
    // control characters, so the link stored is the link typed.
    .refine((text) => isPlainText(text) && !/[\t\n\r]/.test(text), NOT_PLAIN_TEXT_MESSAGE)
    .pipe(
      z.url({
        protocol: /^https?$/,
        message: "Enter the post's web address, starting with https://.",
      }),
    ),
  platform: z.enum(PLATFORMS, "Choose where the post appeared."),
  seenOn: z.iso.date("Enter the date you saw the post."),
  description: longText(20, "Describe what the post shows, in at least 20 characters.").max(
    DESCRIPTION_MAX,
    `Keep the description under ${DESCRIPTION_MAX} characters.`,
  ),
  categories: z
    .array(z.enum(CONCERN_CATEGORIES, "Choose from the listed considerations."))
    .min(1, "Choose at least one consideration the post touches.")
    .transform((list) => [...new Set(list)]),
  severity: z.enum(SEVERITIES, "Choose how serious you judge it to be."),
  disclosure: z.enum(IDENTITY_DISCLOSURES, "Choose whether your colleague sees your name."),
});
export type FileConcernInput = z.input<typeof fileConcernSchema>;

export const concernIdSchema = z.uuid("We could not find that case.");

export const reportRemediationSchema = z.object({
  action: z.enum(REMEDIATION_ACTIONS, "Choose what you did about the post."),
  note: optionalText(),
});
export const disputeSchema = z.object({
  explanation: longText(10, "Explain, in at least 10 characters, why you disagree."),
});
export const reasonSchema = z.object({
  reason: longText(5, "Give a short reason."),
});
export const optionalReasonSchema = z.object({
  reason: optionalText().optional(),
});
export const closeCaseSchema = z.object({
  outcome: z.enum(CASE_OUTCOMES, "Choose an outcome."),
  rationale: longText(10, "Record the reasons for the outcome, in at least 10 characters."),
  externalAuthority: optionalText(200).optional(),
});
