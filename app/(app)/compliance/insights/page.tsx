import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/insights/bar-chart";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { PLATFORM_LABELS, type Platform } from "@/lib/domain/concern-fields";
import { ALL_STATES, type ConcernState } from "@/lib/domain/concern-workflow";
import { CONCERN_CATEGORY_OPTIONS, type ConcernCategory } from "@/lib/domain/policy-text";
import { stateLabel } from "@/lib/domain/reader-words";
import { loadInsights, parseInsightsPeriod } from "@/lib/queries/insights";

export const metadata: Metadata = { title: "Insights · Peer Concerns" };

const SERIES = ["Raised", "Escalated", "Overdue now"];

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission("compliance:work");
  const now = new Date();
  const { period, from, to, problem } = parseInsightsPeriod(await searchParams, now);
  const insights = await loadInsights(getDb(), period, now);
  const stateCounts = new Map(insights.byState.map((s) => [s.key, s.value]));

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
        has passed.
      </p>

      <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="headline">
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
      </dl>

      <BarChart
        id="by-state"
        title="Concerns by current state"
        labelHeader="State"
        series={["Concerns"]}
        rows={ALL_STATES.filter((s) => stateCounts.has(s)).map((state: ConcernState) => ({
          label: stateLabel(state, "officer"),
          values: [stateCounts.get(state) ?? 0],
        }))}
      />
      <BarChart
        id="by-department"
        title="By department of the colleague concerned"
        labelHeader="Department"
        series={SERIES}
        rows={insights.byDepartment.map((r) => ({
          label: r.key,
          values: [r.filed, r.escalated, r.overdue],
        }))}
      />
      <BarChart
        id="by-category"
        title="By policy consideration (a concern can touch several)"
        labelHeader="Consideration"
        series={SERIES}
        rows={insights.byCategory.map((r) => ({
          label: CONCERN_CATEGORY_OPTIONS[r.key as ConcernCategory]?.label ?? r.key,
          values: [r.filed, r.escalated, r.overdue],
        }))}
      />
      <BarChart
        id="by-platform"
        title="By platform"
        labelHeader="Platform"
        series={SERIES}
        rows={insights.byPlatform.map((r) => ({
          label: PLATFORM_LABELS[r.key as Platform] ?? r.key,
          values: [r.filed, r.escalated, r.overdue],
        }))}
      />
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
