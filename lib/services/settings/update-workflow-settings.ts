import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { organisationSettings } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { DEFAULT_APPEAL_WINDOW_DAYS } from "@/lib/domain/appeal";
import { DEFAULT_EVIDENCE_LIMITS, EVIDENCE_CEILING, MB } from "@/lib/domain/evidence";
import { DEFAULT_PATTERN_SETTINGS } from "@/lib/domain/pattern-review";
import { Refusal } from "@/lib/errors/refusal";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { flag, optionalText, timeZone } from "../field-schemas";

export const workflowSettingsSchema = z.object({
  remediationWindowHours: z.coerce
    .number("Enter a number of hours.")
    .int("Use whole hours.")
    .min(1, "At least 1 hour.")
    .max(24 * 90, "At most 90 days.")
    .describe("Time a colleague has to respond to a notice (hours)"),
  confirmationWindowHours: z.coerce
    .number("Enter a number of hours.")
    .int("Use whole hours.")
    .min(1, "At least 1 hour.")
    .max(24 * 90, "At most 90 days.")
    .describe("Time a reporter has to answer a response (hours)"),
  reminderLeadHours: z.coerce
    .number("Enter a number of hours.")
    .int("Use whole hours.")
    .min(1, "At least 1 hour.")
    .max(24 * 30, "At most 30 days.")
    .describe("Remind the person waited on this long before a deadline (hours)"),
  dailyFilingLimit: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(1, "At least 1.")
    .max(100, "At most 100.")
    .describe("Concerns one physician may raise per 24 hours"),
  dailyMessageLimit: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(1, "At least 1.")
    .max(100, "At most 100.")
    .describe("Messages one colleague may send on one case per 24 hours"),
  evidenceFileLimit: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(0, "At least 0 (no files).")
    .max(EVIDENCE_CEILING.files, `At most ${EVIDENCE_CEILING.files}.`)
    .default(DEFAULT_EVIDENCE_LIMITS.files)
    .describe("Files a reporter may attach to a concern"),
  evidenceMegabytesPerFile: z.coerce
    .number("Enter a number of megabytes.")
    .int("Use whole megabytes.")
    .min(1, "At least 1 MB.")
    .max(EVIDENCE_CEILING.bytesPerFile / MB, `At most ${EVIDENCE_CEILING.bytesPerFile / MB} MB.`)
    .default(DEFAULT_EVIDENCE_LIMITS.bytesPerFile / MB)
    .describe("Largest file a reporter may attach (MB)"),
  triageBusinessDays: z.coerce
    .number("Enter a number of business days.")
    .int("Use whole days.")
    .min(1, "At least 1 business day.")
    .max(30, "At most 30 business days.")
    .describe("Time compliance has to take on an escalated case (business days)"),
  decisionWindowDays: z.coerce
    .number("Enter a number of days.")
    .int("Use whole days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days.")
    .describe("Time compliance has to decide an escalated case (days)"),
  appealWindowDays: z.coerce
    .number("Enter a number of days.")
    .int("Use whole days.")
    .min(1, "At least 1 day.")
    .max(365, "At most 365 days.")
    .default(DEFAULT_APPEAL_WINDOW_DAYS)
    .describe("Time a colleague has to appeal a compliance decision (days)"),
  timeZone: timeZone().describe("The organisation's time zone"),
  supportContact: optionalText(300)
    .default("")
    .describe("Whom to contact when locked out (optional)"),
  // An unticked box sends nothing, which is no.
  twoFactorForEveryone: flag().default(false).describe("Require two-factor sign-in for everyone"),
  supportProgrammeName: optionalText(120)
    .nullish()
    .transform((name) => name || null)
    .describe("Wellbeing programme's name"),
  supportProgrammeUrl: z
    .union([
      z.literal(""),
      z
        .string()
        .trim()
        .max(2048, "That link is too long.")
        .pipe(
          z.url({ protocol: /^https$/, message: "Enter a web address starting with https://." }),
        ),
    ])
    .nullish()
    .transform((url) => url || null)
    .describe("Wellbeing programme's web page"),
  supportProgrammePhone: z
    .string()
    .trim()
    .max(40, "Keep the number under 40 characters.")
    .regex(
      /^(\+?[\d\s().-]*\d[\d\s().-]*(\s*(ext\.?|x)\s*\d+)?)?$/i,
      "Enter a phone number: digits, spaces, + ( ) - .",
    )
    .nullish()
    .transform((phone) => phone || null)
    .describe("Wellbeing programme's phone number"),
  patternConcernCount: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(2, "At least 2.")
    .max(20, "At most 20.")
    .default(DEFAULT_PATTERN_SETTINGS.concernCount)
    .describe("Concerns about one colleague that open a pattern review"),
  patternReporterCount: z.coerce
    .number("Enter a number.")
    .int("Use a whole number.")
    .min(2, "At least 2.")
    .max(20, "At most 20.")
    .default(DEFAULT_PATTERN_SETTINGS.reporterCount)
    .describe("From at least this many different colleagues"),
  patternWindowMonths: z.coerce
    .number("Enter a number of months.")
    .int("Use whole months.")
    .min(1, "At least 1 month.")
    .max(60, "At most 60 months.")
    .default(DEFAULT_PATTERN_SETTINGS.windowMonths)
    .describe("Within this many months (pattern review)"),
});

/**
 * Changes apply to deadlines set from now on; running deadlines keep their dates. A new
 * time zone applies at once to every date shown to people who have not chosen their own.
 */
export async function updateWorkflowSettings(
  db: Database,
  actor: Actor,
  input: z.input<typeof workflowSettingsSchema>,
): Promise<void> {
  assertCan(actor, "users:manage");
  const data = workflowSettingsSchema.parse(input);
  if (data.patternReporterCount > data.patternConcernCount) {
    throw new Refusal(
      "invalid_input",
      "Ask for no more colleagues than concerns.",
      "patternReporterCount",
    );
  }
  await db.transaction(async (tx) => {
    const before = await loadWorkflowSettings(tx);
    const values = {
      remediationWindowSeconds: data.remediationWindowHours * 3600,
      confirmationWindowSeconds: data.confirmationWindowHours * 3600,
      reminderLeadSeconds: data.reminderLeadHours * 3600,
      dailyFilingLimit: data.dailyFilingLimit,
      dailyMessageLimit: data.dailyMessageLimit,
      evidenceFileLimit: data.evidenceFileLimit,
      evidenceMegabytesPerFile: data.evidenceMegabytesPerFile,
      triageBusinessDays: data.triageBusinessDays,
      decisionWindowDays: data.decisionWindowDays,
      appealWindowDays: data.appealWindowDays,
      timeZone: data.timeZone,
      supportContact: data.supportContact || null,
      twoFactorForEveryone: data.twoFactorForEveryone,
      supportProgrammeName: data.supportProgrammeName,
      supportProgrammeUrl: data.supportProgrammeUrl,
      supportProgrammePhone: data.supportProgrammePhone,
      patternConcernCount: data.patternConcernCount,
      patternReporterCount: data.patternReporterCount,
      patternWindowMonths: data.patternWindowMonths,
      updatedAt: sql`now()`,
      updatedById: actor.userId,
    };
    await tx
      .insert(organisationSettings)
      .values({ singleton: true, ...values })
      .onConflictDoUpdate({ target: organisationSettings.singleton, set: values });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "settings_updated",
      entityType: "settings",
      entityId: "workflow",
      details: {
        before: {
          remediationWindowMs: before.windows.remediationWindowMs,
          confirmationWindowMs: before.windows.confirmationWindowMs,
          reminderLeadMs: before.windows.reminderLeadMs,
          dailyFilingLimit: before.dailyFilingLimit,
          dailyMessageLimit: before.dailyMessageLimit,
          evidenceFileLimit: before.evidence.files,
          evidenceMegabytesPerFile: before.evidence.bytesPerFile / MB,
          triageBusinessDays: before.windows.triageBusinessDays,
          decisionWindowMs: before.windows.decisionWindowMs,
          appealWindowDays: before.appealWindowDays,
          timeZone: before.timeZone,
          supportContact: before.supportContact ?? "",
          twoFactorForEveryone: before.twoFactorForEveryone,
          supportProgrammeName: before.support.name,
          supportProgrammeUrl: before.support.url,
          supportProgrammePhone: before.support.phone,
          patternConcernCount: before.pattern.concernCount,
          patternReporterCount: before.pattern.reporterCount,
          patternWindowMonths: before.pattern.windowMonths,
        },
        after: data,
      },
    });
  });
}
