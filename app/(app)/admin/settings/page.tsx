import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { DAY_MS } from "@/lib/domain/deadlines";
import { MB } from "@/lib/domain/evidence";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings · Peer Concerns" };

export default async function SettingsPage() {
  await requirePermission("users:manage");
  const settings = await loadWorkflowSettings(getDb());
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Workflow settings</h1>
      <SettingsForm
        values={{
          remediationWindowHours: Math.max(
            1,
            Math.round(settings.windows.remediationWindowMs / 3_600_000),
          ),
          confirmationWindowHours: Math.max(
            1,
            Math.round(settings.windows.confirmationWindowMs / 3_600_000),
          ),
          reminderLeadHours: Math.max(1, Math.round(settings.windows.reminderLeadMs / 3_600_000)),
          dailyFilingLimit: settings.dailyFilingLimit,
          dailyMessageLimit: settings.dailyMessageLimit,
          evidenceFileLimit: settings.evidence.files,
          evidenceMegabytesPerFile: settings.evidence.bytesPerFile / MB,
          triageBusinessDays: settings.windows.triageBusinessDays,
          decisionWindowDays: Math.max(1, Math.round(settings.windows.decisionWindowMs / DAY_MS)),
          appealWindowDays: settings.appealWindowDays,
          timeZone: settings.timeZone,
          supportContact: settings.supportContact ?? "",
          twoFactorForEveryone: settings.twoFactorForEveryone,
          supportProgrammeName: settings.support.name ?? "",
          supportProgrammeUrl: settings.support.url ?? "",
          supportProgrammePhone: settings.support.phone ?? "",
          patternConcernCount: settings.pattern.concernCount,
          patternReporterCount: settings.pattern.reporterCount,
          patternWindowMonths: settings.pattern.windowMonths,
        }}
      />
    </section>
  );
}
