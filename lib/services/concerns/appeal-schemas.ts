import { z } from "zod";
import { APPEAL_DECISIONS } from "@/lib/domain/appeal";
import { CASE_OUTCOMES } from "@/lib/domain/concern-workflow";
import { longText, optionalText, patientDetailsConfirmed } from "../field-schemas";

// Shared by the appeal forms and the services, which parse again.

export const fileAppealSchema = z.object({
  explanation: longText(
    20,
    "Explain, in at least 20 characters, why you think the decision is wrong.",
  ).describe("Why do you appeal the decision?"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

export const decideAppealSchema = z.object({
  decision: z
    .enum(APPEAL_DECISIONS, "Choose whether the appeal is upheld or dismissed.")
    .describe("Decision on the appeal"),
  newOutcome: z
    .enum(CASE_OUTCOMES, "Choose an outcome.")
    .optional()
    .describe("New outcome (when upheld)"),
  externalAuthority: optionalText(200).optional().describe("External authority (when referred)"),
  rationale: longText(
    10,
    "Record the reasons for your decision, in at least 10 characters.",
  ).describe("Rationale"),
  partySummary: optionalText(1000)
    .optional()
    .describe("What the reporter and the colleague are told"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
