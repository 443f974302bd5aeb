import { z } from "zod";
import { RECORDED_CHANNELS, RECORDED_SOURCES } from "@/lib/domain/concern-channels";
import {
  DESCRIPTION_MAX,
  IDENTITY_DISCLOSURES,
  PLATFORMS,
  withWebScheme,
} from "@/lib/domain/concern-fields";
import { CASE_OUTCOMES, REMEDIATION_ACTIONS } from "@/lib/domain/concern-workflow";
import { isPlainText, NOT_PLAIN_TEXT_MESSAGE, visibleLength } from "@/lib/domain/plain-text";
import { CONCERN_CATEGORIES, SEVERITIES } from "@/lib/domain/policy-text";
import {
  flag,
  identityConfirmed,
  longText,
  optionalText,
  patientDetailsConfirmed,
  recordId,
} from "../field-schemas";

// Shared by the forms (their hints) and the services, which parse again.

/** What is recorded about a post, however the concern arrived. */
const concernFields = z.object({
  subjectId: recordId("Choose the colleague from the directory.").describe("Colleague"),
  postUrl: z
    .string()
    .trim()
    .min(1, "Enter the post's web address, starting with https://.")
    .max(2048, "That link is too long.")
    // The URL parser would silently drop tabs and line breaks; refuse them, and the other
    // control characters, so the link stored is the link typed.
    .refine((text) => isPlainText(text) && !/[\t\n\r]/.test(text), NOT_PLAIN_TEXT_MESSAGE)
    .transform(withWebScheme)
    .pipe(
      z.url({
        protocol: /^https?$/,
        message: "Enter the post's web address, starting with https://.",
      }),
    )
    .describe("Link to the post"),
  platform: z.enum(PLATFORMS, "Choose where the post appeared.").describe("Platform"),
  seenOn: z.iso.date("Enter the date you saw the post.").describe("Date you saw it"),
  description: longText(20, "Describe what the post shows, in at least 20 characters.")
    .max(DESCRIPTION_MAX, `Keep the description under ${DESCRIPTION_MAX} characters.`)
    .describe("What the post shows"),
  categories: z
    .array(z.enum(CONCERN_CATEGORIES, "Choose from the listed considerations."))
    .min(1, "Choose at least one consideration the post touches.")
    .transform((list) => [...new Set(list)])
    .describe("Which considerations of the policy does it touch?"),
  otherConsideration: optionalText(200)
    .optional()
    .describe("If you ticked Other: which professional norm does it touch?"),
  severity: z
    .enum(SEVERITIES, "Choose how serious you judge it to be.")
    .describe("How serious is it, in your honest judgement?"),
  disclosure: z
    .enum(IDENTITY_DISCLOSURES, "Choose whether your colleague sees your name.")
    .default("confidential")
    .describe("Will your colleague see your name?"),
  identityConfirmed: identityConfirmed(),
  // Counted, sized and read by their bytes in the service, against the Settings' limits.
  evidence: z.array(z.file()).default([]).describe("Screenshots or PDFs of the post"),
  evidenceConfirmed: flag()
    .default(false)
    .describe("I have checked: no patient can be identified in the files I attached"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});

/** The checks between the fields of a concern, shared by filing and recording. */
function checkConcernFields(
  concern: z.output<typeof concernFields>,
  ctx: z.RefinementCtx<z.output<typeof concernFields>>,
) {
  if (concern.evidence.length > 0 && !concern.evidenceConfirmed) {
    ctx.addIssue({
      code: "custom",
      path: ["evidenceConfirmed"],
      message:
        "Confirm that no patient can be identified in the files you attached, or remove them.",
    });
  }
  // "Other" alone tells the colleague nothing: the reporter names the norm.
  if (concern.categories.includes("other") && !visibleLength(concern.otherConsideration ?? "", 1)) {
    ctx.addIssue({
      code: "custom",
      path: ["otherConsideration"],
      message: "Say which professional norm the post touches, since you ticked Other.",
    });
  }
}

export const fileConcernSchema = concernFields.superRefine(checkConcernFields);
/** A concern's fields as the one filing path receives them, however it arrived. */
export type ConcernData = z.output<typeof concernFields>;
export type FileConcernInput = z.input<typeof fileConcernSchema>;

/**
 * A concern an officer records from another channel: the same fields, how it arrived and
 * who raised it (nobody named, a physician with an account, or an outside person or body).
 */
export const recordConcernSchema = z
  // In the order of the form, which the error summary follows.
  .object({
    channel: z
      .enum(RECORDED_CHANNELS, "Choose how the concern reached you.")
      .describe("How did the concern reach you?"),
    source: z.enum(RECORDED_SOURCES, "Choose who raised it.").describe("Who raised it?"),
    reporterEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "That email is too long.")
      .optional()
      .describe("The physician's email at the organisation"),
    sourceName: z
      .string()
      .trim()
      .max(200, "Keep the name under 200 characters.")
      .refine(isPlainText, NOT_PLAIN_TEXT_MESSAGE)
      .optional()
      .describe("Their name, or the name of the body"),
  })
  .extend(concernFields.shape)
  .extend({
    seenOn: concernFields.shape.seenOn.describe("Date the post was seen"),
    disclosure: concernFields.shape.disclosure.describe("Will the colleague see who raised it?"),
  })
  .superRefine((concern, ctx) => {
    checkConcernFields(concern, ctx);
    if (concern.source === "physician" && !z.email().safeParse(concern.reporterEmail).success) {
      ctx.addIssue({
        code: "custom",
        path: ["reporterEmail"],
        message: "Enter the physician's email at the organisation, such as name@hospital.org.",
      });
    }
    if (concern.source === "outside" && visibleLength(concern.sourceName ?? "", 2) < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceName"],
        message: "Enter the name of the person or body who raised it.",
      });
    }
    if (concern.source === "anonymous" && concern.disclosure === "named") {
      ctx.addIssue({
        code: "custom",
        path: ["disclosure"],
        message: "An anonymous source has no name to show: choose Confidential.",
      });
    }
  });
export type RecordConcernInput = z.input<typeof recordConcernSchema>;

export const concernIdSchema = recordId("We could not find that case.");

/** A form about one case: the case's id and the use case's own fields. */
export function onCase<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  return schema.extend({ concernId: concernIdSchema });
}

export const reportRemediationSchema = z.object({
  action: z
    .enum(REMEDIATION_ACTIONS, "Choose what you did about the post.")
    .describe("What did you do?"),
  note: optionalText().describe("Note (required for another action)"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export const disputeSchema = z.object({
  explanation: longText(10, "Explain, in at least 10 characters, why you disagree.").describe(
    "Your explanation",
  ),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export const reasonSchema = z.object({
  reason: longText(5, "Give a short reason.").describe("Reason"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export const optionalReasonSchema = z.object({
  reason: optionalText().optional().describe("Reason"),
  identityConfirmed: identityConfirmed(),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
export const closeCaseSchema = z.object({
  outcome: z.enum(CASE_OUTCOMES, "Choose an outcome.").describe("Outcome"),
  rationale: longText(
    10,
    "Record the reasons for the outcome, in at least 10 characters.",
  ).describe("Rationale"),
  externalAuthority: optionalText(200).optional().describe("External authority (when referred)"),
  partySummary: optionalText(1000)
    .optional()
    .describe("What the reporter and the colleague are told"),
  patientDetailsConfirmed: patientDetailsConfirmed(),
});
