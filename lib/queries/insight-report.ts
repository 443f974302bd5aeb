import { desc, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { insightTables } from "@/lib/domain/insight-tables";
import { type InsightsPeriod, loadInsights } from "./insights";
import { loadOutcomeInsights } from "./insights-outcomes";

/** Everything the insights page shows, and each CSV download takes one table of it. */
export async function loadInsightReport(db: Db, period: InsightsPeriod, now: Date) {
  const [insights, outcomes] = await Promise.all([
    loadInsights(db, period, now),
    loadOutcomeInsights(db, period, now),
  ]);
  return {
    insights,
    outcomes,
    tables: insightTables({ ...insights, ...outcomes }),
  };
}

export type InsightReport = Awaited<ReturnType<typeof loadInsightReport>> & {
  /** When the figures were counted: the page says so. */
  countedAt: Date;
};

/**
 * "Overdue now" changes with the clock alone, without any recorded change: a report is
 * counted again after a minute even when nothing else happened.
 */
export const INSIGHT_REPORT_FRESH_MS = 60_000;
/**
 * When only the clock has moved, a report up to this old is shown (it says when it was
 * counted) while the next count runs; an older one is counted again while the reader waits.
 */
export const INSIGHT_REPORT_SHOWN_WHILE_RECOUNTED_MS = 10 * 60_000;
// A handful of periods are looked at in any minute; each report is a few kilobytes.
const KEPT_REPORTS = 32;

interface KeptReport {
  countedAt: Date;
  report: Promise<InsightReport>;
  /** Set once the count has finished: only a finished report is shown while recounting. */
  counted?: true;
  /** The count started because this one grew old, while this one is still shown. */
  recount?: KeptReport;
}

const reports = new Map<string, KeptReport>();

/**
 * The newest audit event of a change to anything the report counts. Case-file openings,
 * most of the newest events, change nothing counted; the condition is written as the
 * partial index audit_events_recorded_change_idx is, so that the index serves it.
 */
export function latestRecordedChange(db: Db) {
  return db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(sql`${auditEvents.entityType} <> 'case_access'`)
    .orderBy(desc(auditEvents.id))
    .limit(1);
}

/**
 * The report as of the latest recorded change. Every change to a case writes an audit
 * event in its transaction, so the newest event's id says whether anything the report
 * counts may have changed; when nothing has, the figures counted a moment ago are the
 * figures now, and several officers opening insights at once share one count of the
 * table (at a million concerns, seconds of aggregates under load) instead of each
 * starting their own. Openings of case files change nothing the report counts.
 *
 * After a recorded change the reader waits for the new count: they may have just made
 * that change. When only the clock has moved, the last report (which says when it was
 * counted) is shown while one new count runs, so nobody waits for a count that would
 * change only "overdue now".
 * The cache is this server's own: another server counts for itself, with the same result.
 */
export async function latestInsightReport(
  db: Db,
  period: InsightsPeriod,
  now: Date,
): Promise<InsightReport> {
  const [latest] = await latestRecordedChange(db);
  const key = `${period.from.toISOString()}/${period.to.toISOString()}/${latest?.id ?? 0}`;
  const kept = reports.get(key);
  const age = kept ? now.getTime() - kept.countedAt.getTime() : Number.POSITIVE_INFINITY;
  // A count still running is shared, however long it takes.
  if (kept && (age < INSIGHT_REPORT_FRESH_MS || !kept.counted)) return kept.report;
  if (kept?.counted && age < INSIGHT_REPORT_SHOWN_WHILE_RECOUNTED_MS) {
    kept.recount ??= keep(key, count(db, period, now), kept);
    return kept.report;
  }
  return keep(key, count(db, period, now)).report;
}

function count(db: Db, period: InsightsPeriod, now: Date): KeptReport {
  const report = loadInsightReport(db, period, now).then((figures) => ({
    ...figures,
    countedAt: now,
  }));
  return { countedAt: now, report };
}

/**
 * Keeps a count under its key: at once, or, when it recounts a report still shown, once it
 * has finished. A failed count is not kept: the next request counts again.
 */
function keep(key: string, entry: KeptReport, replacing?: KeptReport): KeptReport {
  if (!replacing) store(key, entry);
  entry.report.then(
    () => {
      entry.counted = true;
      if (replacing && reports.get(key) === replacing) store(key, entry);
    },
    () => {
      if (replacing) replacing.recount = undefined;
      else if (reports.get(key) === entry) reports.delete(key);
    },
  );
  return entry;
}

function store(key: string, entry: KeptReport): void {
  reports.delete(key);
  reports.set(key, entry);
  for (const oldest of reports.keys()) {
    if (reports.size <= KEPT_REPORTS) break;
    reports.delete(oldest);
  }
}
