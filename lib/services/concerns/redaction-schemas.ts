import { z } from "zod";
import type { RedactableField } from "@/lib/audit/audit-actions";
import { isPlainText, NOT_PLAIN_TEXT_MESSAGE } from "@/lib/domain/plain-text";

/** The case's own text an officer can redact, with the words each is called on the form. */
export const CASE_TEXT_FIELDS = {
  description: "What the post shows (the reporter's description)",
  otherConsideration: "The professional norm the reporter named",
  responseNote: "The colleague's note or explanation",
  outcomeRationale: "The decision's rationale",
  externalAuthority: "The external authority named",
} as const;

const CHOOSE_TEXT = "Choose the text to remove words from.";
const ANSWER_OR_QUESTION = /^(question|answer):[0-9a-f-]{36}$/;

export const redactCaseTextSchema = z
  .object({
    field: z
      .string(CHOOSE_TEXT)
      .trim()
      .refine(
        (field) => Object.hasOwn(CASE_TEXT_FIELDS, field) || ANSWER_OR_QUESTION.test(field),
        CHOOSE_TEXT,
      )
      .transform((field) => field as RedactableField)
      .describe("Which text"),
    scope: z
      .enum(["marked", "words", "whole"], "Choose what to remove.")
      .describe("What to remove"),
    words: z
      .string()
      .trim()
      .max(500, "Keep the words under 500 characters.")
      .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE)
      .optional()
      .describe("The words to remove (every place they appear)"),
  })
  .superRefine((input, ctx) => {
    if (input.scope === "words" && !input.words) {
      ctx.addIssue({
        code: "custom",
        path: ["words"],
        message: "Type the words to remove, exactly as they appear.",
      });
    }
  });
