import type { Db } from "@/db/client";
import { organisationSettings } from "@/db/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/date-words";
import { DAY_MS, DEFAULT_WINDOWS, type DeadlineWindows } from "@/lib/domain/deadlines";

export interface WorkflowSettings {
  windows: DeadlineWindows;
  dailyFilingLimit: number;
  /** Dates are shown in this zone to everyone who has not chosen their own. */
  timeZone: string;
  /** Two-factor sign-in asked of everyone, not only of officers and administrators. */
  twoFactorForEveryone: boolean;
}

export const DEFAULT_DAILY_FILING_LIMIT = 5;

/** The organisation's current windows and limits; defaults until an administrator sets them. */
export async function loadWorkflowSettings(db: Db): Promise<WorkflowSettings> {
  const [row] = await db.select().from(organisationSettings).limit(1);
  if (!row)
    return {
      windows: { ...DEFAULT_WINDOWS },
      dailyFilingLimit: DEFAULT_DAILY_FILING_LIMIT,
      timeZone: DEFAULT_TIME_ZONE,
      twoFactorForEveryone: false,
    };
  return {
    windows: {
      ...DEFAULT_WINDOWS,
      remediationWindowMs: row.remediationWindowSeconds * 1000,
      confirmationWindowMs: row.confirmationWindowSeconds * 1000,
      reminderLeadMs: row.reminderLeadSeconds * 1000,
      triageBusinessDays: row.triageBusinessDays,
      decisionWindowMs: row.decisionWindowDays * DAY_MS,
    },
    dailyFilingLimit: row.dailyFilingLimit,
    timeZone: row.timeZone,
    twoFactorForEveryone: row.twoFactorForEveryone,
  };
}
