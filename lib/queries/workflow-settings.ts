import type { Db } from "@/db/client";
import { organisationSettings } from "@/db/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/date-words";
import { DAY_MS, DEFAULT_WINDOWS, type DeadlineWindows } from "@/lib/domain/deadlines";

export interface WorkflowSettings {
  windows: DeadlineWindows;
  dailyFilingLimit: number;
  /** Dates are shown in this zone to everyone who has not chosen their own. */
  timeZone: string;
  /** The physician health or wellbeing programme a notice offers; each part may be unset. */
  support: SupportProgramme;
}

export interface SupportProgramme {
  name: string | null;
  url: string | null;
  phone: string | null;
}

const NO_SUPPORT_PROGRAMME: SupportProgramme = { name: null, url: null, phone: null };

export const DEFAULT_DAILY_FILING_LIMIT = 5;

/** The organisation's current windows and limits; defaults until an administrator sets them. */
export async function loadWorkflowSettings(db: Db): Promise<WorkflowSettings> {
  const [row] = await db.select().from(organisationSettings).limit(1);
  if (!row)
    return {
      windows: { ...DEFAULT_WINDOWS },
      dailyFilingLimit: DEFAULT_DAILY_FILING_LIMIT,
      timeZone: DEFAULT_TIME_ZONE,
      support: { ...NO_SUPPORT_PROGRAMME },
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
    support: {
      name: row.supportProgrammeName,
      url: row.supportProgrammeUrl,
      phone: row.supportProgrammePhone,
    },
  };
}
