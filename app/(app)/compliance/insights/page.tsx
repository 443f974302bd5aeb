import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/insights/bar-chart";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { formatTime } from "@/lib/domain/date-words";
import { SMALLEST_GROUP } from "@/lib/domain/insight-tables";
import { latestInsightReport } from "@/lib/queries/insight-report";
import { parseInsightsPeriod } from "@/lib/queries/insights";

export const metadata: Metadata = { title: "Insights · Peer Concerns" };

/** Hotline cases close in about 45 days from escalation: the benchmark officers compare with. */
const DECISION_BENCHMARK_DAYS = 45;

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("compliance:work");
  const now = new Date();
  const { period, from, to, problem } = parseInsightsPeriod(await searchParams, now);
  const { insights, outcomes, tables, countedAt } = await latestInsightReport(getDb(), period, now);
  const csvHref = (table: string) =>
    `/compliance/insights/csv?${new URLSearchParams({ table, from, to })}`;

  return (
    <section className="space-y-6">
      <Link href="/compliance" className="text-sm text-brand-700 underline">
        ← Compliance queue
      </Link>
      <h1 className="text-2xl font-bold">Insights</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <label className="text-sm">
          <span className="block font-medium">Concerns raised from</span>
          <input
            type="date"
            name="from"
            defaultValue={from}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <label className="text-sm">
          <span className="block font-medium">to (inclusive)</span>
          <input
            type="date"
            name="to"
            defaultValue={to}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Show
        </button>
        {problem ? (
          <p role="alert" className="w-full text-sm font-medium text-red-700">
            {problem}
          </p>
        ) : null}
      </form>
      <p className="text-sm text-slate-700">
        Every figure is about the concerns raised in the period (UTC days). &ldquo;Overdue
        now&rdquo; counts those of them in the compliance queue whose triage or decision deadline
        has passed. Counted at {formatTime(countedAt, actor.timeZone)}.
      </p>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline">
        <Figure label="Concerns raised" value={String(insights.filed)} />
        <Figure label="Escalated" value={String(insights.escalated)} />
        <Figure
          label="Escalation rate"
          value={
            insights.escalationRate === null
              ? "—"
              : `${(insights.escalationRate * 100).toFixed(1)}%`
          }
        />
        <Figure
          label="Median time to remediation"
          value={describeDuration(insights.medianRemediationSeconds)}
        />
        <Figure
          label="Median time to decision"
          value={describeDuration(insights.medianDecisionSeconds)}
        />
        <Figure label="Overdue now" value={String(insights.overdue)} />
        <Figure label="Possible retaliation marked" value={String(outcomes.retaliationMarks)} />
        <Figure
          label="Resolved between colleagues and no new concern within 12 months"
          value={
            outcomes.durable.judged < SMALLEST_GROUP
              ? "—"
              : `${((outcomes.durable.noNewConcern / outcomes.durable.judged) * 100).toFixed(0)}% of ${outcomes.durable.judged}`
          }
        />
      </dl>
      <p className="text-sm text-slate-700">
        Median time to decision is from escalation; hotline cases close in about{" "}
        {DECISION_BENCHMARK_DAYS} days. Whether a resolution between colleagues lasted can be judged
        only a year after it, and is not shown for fewer than {SMALLEST_GROUP} colleagues.
      </p>

      {tables.map((table) => (
        <BarChart key={table.id} table={table} csvHref={csvHref(table.id)} />
      ))}
    </section>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-bold tabular-nums">{value}</dd>
    </div>
  );
}

function describeDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  const hours = seconds / 3600;
  if (hours < 48) return `${hours.toFixed(1)} hours`;
  return `${(hours / 24).toFixed(1)} days`;
}
