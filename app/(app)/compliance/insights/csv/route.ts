import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { toCsv } from "@/lib/exports/csv";
import { answer, errorResponse } from "@/lib/http/refusal-response";
import { latestInsightReport } from "@/lib/queries/insight-report";
import { parseInsightsPeriod } from "@/lib/queries/insights";

/**
 * One table of the insights page as CSV, for the compliance committee's own analysis:
 * exactly the rows the page shows for the same period, small groups left out alike.
 */
export async function GET(request: NextRequest) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL("/sign-in", request.url));
  if (!can(actor, "compliance:work")) return answer(403, "You do not have access to insights.");
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const now = new Date();
  const { period, from, to, problem } = parseInsightsPeriod(params, now);
  if (problem) return answer(400, problem);
  try {
    const { tables } = await latestInsightReport(getDb(), period, now);
    const table = tables.find((t) => t.id === params.table);
    if (!table) return answer(404, "There is no such table.");
    const csv = toCsv([
      [table.labelHeader, ...table.series],
      ...table.rows.map((row) => [row.label, ...row.values.map(String)]),
    ]);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="insights-${table.id}-${from}-to-${to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
