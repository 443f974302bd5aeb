import { z } from "zod";
import { longText, optionalText, patientDetailsConfirmed, recordId } from "../field-schemas";

// Shared by the officer's forms and the services, which parse again.

export const assignCaseSchema = z.object({
  assigneeId: recordId("Choose an officer from the list.").describe("Assign to"),
});

export const releaseCaseSchema = z.object({
  reason: optionalText().optional().describe("Reason for releasing (optional)"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const reopenCaseSchema = z.object({
  reason: longText(10, "Say why the case is being reopened, in at least 10 characters.").describe(
    "Reason for reopening",
  ),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

const REFERENCE_FORMAT = "Enter a case reference such as PC-000123.";

/** PC-000123, pc-123 or 123: the reference people read out and type; its number once parsed. */
export const caseReferenceSchema = z.union(
  [
    z.number(REFERENCE_FORMAT).int(REFERENCE_FORMAT).positive(REFERENCE_FORMAT),
    z
      .string(REFERENCE_FORMAT)
      .trim()
      .regex(/^(pc-?)?\d{1,12}$/i, REFERENCE_FORMAT)
      .transform((text) => Number(text.replace(/^pc-?/i, ""))),
  ],
  REFERENCE_FORMAT,
);

export const reopenByReferenceSchema = reopenCaseSchema.extend({
  reference: caseReferenceSchema.describe("Case reference"),
});

export const recuseSchema = z.object({
  reason: longText(10, "Say why you are stepping aside, in at least 10 characters.").describe(
    "Why you are stepping aside",
  ),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const caseNoteSchema = z.object({
  body: longText(2, "Write the note.").describe("New internal note"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const retractNoteSchema = z.object({
  reason: longText(5, "Say why the note is retracted, in at least 5 characters.").describe(
    "Reason for retracting",
  ),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const INFORMATION_RECIPIENTS = ["reporter", "subject"] as const;
export type InformationRecipient = (typeof INFORMATION_RECIPIENTS)[number];

export const requestInformationSchema = z.object({
  recipient: z.enum(INFORMATION_RECIPIENTS, "Choose whom to ask.").describe("Ask"),
  question: longText(10, "Write the question, in at least 10 characters.").describe("Question"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const answerInformationSchema = z.object({
  answer: longText(2, "Write your answer.").describe("Your answer"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
