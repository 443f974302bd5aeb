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
// A handful of periods are looked at in any minute; each report is a few kilobytes.
const KEPT_REPORTS = 32;

const reports = new Map<string, { countedAt: Date; report: Promise<InsightReport> }>();

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
 * table (at a million concerns, a few hundred milliseconds of aggregates) instead of
 * each starting their own. Openings of case files change nothing the report counts.
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
  if (kept && now.getTime() - kept.countedAt.getTime() < INSIGHT_REPORT_FRESH_MS) {
    return kept.report;
  }
  const report = loadInsightReport(db, period, now).then((figures) => ({
    ...figures,
    countedAt: now,
  }));
  reports.delete(key);
  reports.set(key, { countedAt: now, report });
  // A failed count is not kept: the next request counts again.
  report.catch(() => {
    if (reports.get(key)?.report === report) reports.delete(key);
  });
  for (const oldest of reports.keys()) {
    if (reports.size <= KEPT_REPORTS) break;
    reports.delete(oldest);
  }
  return report;
}
