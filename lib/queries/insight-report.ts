import type { Db } from "@/db/client";
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
