import type { Db } from "@/db/client";
import { organisationSettings } from "@/db/schema";
import { DEFAULT_APPEAL_WINDOW_DAYS } from "@/lib/domain/appeal";
import { DEFAULT_DAILY_MESSAGE_LIMIT } from "@/lib/domain/case-thread";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/date-words";
import { DAY_MS, DEFAULT_WINDOWS, type DeadlineWindows } from "@/lib/domain/deadlines";
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits, MB } from "@/lib/domain/evidence";
import { DEFAULT_PATTERN_SETTINGS, type PatternSettings } from "@/lib/domain/pattern-review";

export interface WorkflowSettings {
  windows: DeadlineWindows;
  dailyFilingLimit: number;
  /** Messages one party may send on one case per 24 hours. */
  dailyMessageLimit: number;
  /** How many files a reporter may attach when filing, and how large each may be. */
  evidence: EvidenceLimits;
  /** Days a colleague has to appeal a compliance decision. */
  appealWindowDays: number;
  /** Dates are shown in this zone to everyone who has not chosen their own. */
  timeZone: string;
  /** Whom to contact when locked out (shown at sign-in); null: a general wording. */
  supportContact: string | null;
  /** Two-factor sign-in asked of everyone, not only of officers and administrators. */
  twoFactorForEveryone: boolean;
  /** The physician health or wellbeing programme a notice offers; each part may be unset. */
  support: SupportProgramme;
  /** When several concerns about one colleague open a pattern review. */
  pattern: PatternSettings;
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
      dailyMessageLimit: DEFAULT_DAILY_MESSAGE_LIMIT,
      evidence: { ...DEFAULT_EVIDENCE_LIMITS },
      appealWindowDays: DEFAULT_APPEAL_WINDOW_DAYS,
      timeZone: DEFAULT_TIME_ZONE,
      supportContact: null,
      twoFactorForEveryone: false,
      support: { ...NO_SUPPORT_PROGRAMME },
      pattern: { ...DEFAULT_PATTERN_SETTINGS },
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
    dailyMessageLimit: row.dailyMessageLimit,
    evidence: { files: row.evidenceFileLimit, bytesPerFile: row.evidenceMegabytesPerFile * MB },
    appealWindowDays: row.appealWindowDays,
    timeZone: row.timeZone,
    supportContact: row.supportContact,
    twoFactorForEveryone: row.twoFactorForEveryone,
    support: {
      name: row.supportProgrammeName,
      url: row.supportProgrammeUrl,
      phone: row.supportProgrammePhone,
    },
    pattern: {
      concernCount: row.patternConcernCount,
      reporterCount: row.patternReporterCount,
      windowMonths: row.patternWindowMonths,
    },
  };
}
