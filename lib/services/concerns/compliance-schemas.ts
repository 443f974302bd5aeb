import { z } from "zod";
import { NOTE_MAX } from "./concern-schemas";

// Shared by the officer's forms and the services, which parse again.

const boundedText = (min: number, tooShort: string) =>
  z
    .string()
    .trim()
    .min(min, tooShort)
    .max(NOTE_MAX, `Keep this under ${NOTE_MAX} characters.`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
      message: "Remove the control characters from this text.",
    });

export const assignCaseSchema = z.object({
  assigneeId: z.uuid("Choose an officer from the list."),
});

export const releaseCaseSchema = z.object({
  reason: z.string().trim().max(NOTE_MAX, `Keep this under ${NOTE_MAX} characters.`).optional(),
});

export const reopenCaseSchema = z.object({
  reason: boundedText(10, "Say why the case is being reopened, in at least 10 characters."),
});

/** PC-000123, pc-123 or 123: the reference people read out and type. */
export const caseReferenceSchema = z
  .string()
  .trim()
  .regex(/^(pc-?)?\d{1,12}$/i, "Enter a case reference such as PC-000123.")
  .transform((text) => Number(text.replace(/^pc-?/i, "")));

export const reopenByReferenceSchema = reopenCaseSchema.extend({
  reference: caseReferenceSchema,
});

export const caseNoteSchema = z.object({
  body: boundedText(2, "Write the note."),
});

export const retractNoteSchema = z.object({
  reason: boundedText(5, "Say why the note is retracted, in at least 5 characters."),
});

export const INFORMATION_RECIPIENTS = ["reporter", "subject"] as const;
export type InformationRecipient = (typeof INFORMATION_RECIPIENTS)[number];

export const requestInformationSchema = z.object({
  recipient: z.enum(INFORMATION_RECIPIENTS, "Choose whom to ask."),
  question: boundedText(10, "Write the question, in at least 10 characters."),
});

export const answerInformationSchema = z.object({
  answer: boundedText(2, "Write your answer."),
});
