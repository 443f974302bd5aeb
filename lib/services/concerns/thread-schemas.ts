import { z } from "zod";
import {
  identityConfirmed,
  longText,
  optionalText,
  patientDetailsConfirmed,
} from "../field-schemas";
import { concernIdSchema } from "./concern-schemas";

// The thread's two forms, shared by the forms (their hints) and the services.

export const postMessageSchema = z.object({
  concernId: concernIdSchema,
  body: longText(1, "Write your message.").describe("Your message"),
  identityConfirmed: identityConfirmed(),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export type PostMessageInput = z.input<typeof postMessageSchema>;

export const MESSAGE_NOT_FOUND = "We could not find that message.";

export const reportMessageSchema = z.object({
  messageId: z.coerce
    .number(MESSAGE_NOT_FOUND)
    .int(MESSAGE_NOT_FOUND)
    .positive(MESSAGE_NOT_FOUND)
    .max(Number.MAX_SAFE_INTEGER, MESSAGE_NOT_FOUND),
  reason: optionalText(1000).optional().describe("Why (optional)"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export type ReportMessageInput = z.input<typeof reportMessageSchema>;
