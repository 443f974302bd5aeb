import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime, NextDeadline } from "@/components/concerns/next-deadline";
import { OverdueBadge } from "@/components/concerns/overdue-badge";
import { StatusBadge } from "@/components/concerns/status-badge";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { PLATFORM_LABELS, PLATFORMS } from "@/lib/domain/concern-fields";
import {
  CONCERN_CATEGORIES,
  CONCERN_CATEGORY_OPTIONS,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/policy-text";
import { listQueue } from "@/lib/queries/compliance-queue";
import {
  parseQueueFilters,
  type QueueFilters,
  queueSearchParams,
} from "@/lib/queries/queue-filters";
import { listDepartments } from "@/lib/queries/users";

export const metadata: Metadata = { title: "Compliance queue · Peer Concerns" };

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

export default async function ComplianceQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("compliance:work");
  const { filters, problems } = parseQueueFilters(await searchParams);
  const db = getDb();
  const now = new Date();
  const [{ cases, nextCursor }, departments] = await Promise.all([
    listQueue(db, actor, filters, now),
    listDepartments(db),
  ]);
  const base = queueSearchParams(filters);
  const nextHref = nextCursor ? `/compliance?${withParam(base, "after", nextCursor)}` : null;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Compliance queue</h1>
        <Link href="/compliance/insights" className="text-sm text-brand-700 underline">
          Insights
        </Link>
      </div>
      <p className="text-slate-700">
        Significant concerns that were not resolved between colleagues, until an officer closes
        them.
      </p>

      <form
        method="get"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-4"
        aria-label="Filter the queue"
      >
        <Select
          name="state"
          label="State"
          value={filters.state}
          error={problems.state}
          options={[
            ["open", "All open"],
            ["escalated", "Waiting for an officer"],
            ["in_review", "In review"],
          ]}
        />
        <Select
          name="assignee"
          label="Assigned to"
          value={filters.assignee}
          error={problems.assignee}
          options={[
            ["anyone", "Anyone"],
            ["me", "Me"],
            ["unassigned", "Nobody"],
          ]}
        />
        <Select
          name="sort"
          label="Order"
          value={filters.sort}
          error={problems.sort}
          options={[
            ["oldest", "Oldest escalation first"],
            ["newest", "Newest escalation first"],
            ["due", "Due soonest"],
          ]}
        />
        <Select
          name="department"
          label="Department"
          value={filters.department ?? ""}
          error={problems.department}
          options={[["", "Any"], ...departments.map((d): [string, string] => [d.id, d.name])]}
        />
        <Select
          name="category"
          label="Consideration"
          value={filters.category ?? ""}
          error={problems.category}
          options={[
            ["", "Any"],
            ...CONCERN_CATEGORIES.map((c): [string, string] => [
              c,
              CONCERN_CATEGORY_OPTIONS[c].label,
            ]),
          ]}
        />
        <Select
          name="severity"
          label="Severity"
          value={filters.severity ?? ""}
          error={problems.severity}
          options={[
            ["", "Any"],
            ...SEVERITIES.map((s): [string, string] => [s, SEVERITY_LABELS[s]]),
          ]}
        />
        <Select
          name="platform"
          label="Platform"
          value={filters.platform ?? ""}
          error={problems.platform}
          options={[
            ["", "Any"],
            ...PLATFORMS.map((p): [string, string] => [p, PLATFORM_LABELS[p]]),
          ]}
        />
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Case reference or colleague&apos;s name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            maxLength={100}
            className={CONTROL}
            aria-describedby={problems.q ? "q-error" : undefined}
          />
          {problems.q ? (
            <p id="q-error" className="mt-1 text-sm font-medium text-red-700">
              {problems.q}
            </p>
          ) : null}
        </div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filters.overdue}
            className="size-4"
          />
          Overdue only
        </label>
        {problems.overdue ? (
          <p className="text-sm font-medium text-red-700">{problems.overdue}</p>
        ) : null}
        <div className="flex items-end gap-3">
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Apply
          </button>
          <Link href="/compliance" className="text-sm text-brand-700 underline">
            Clear
          </Link>
        </div>
      </form>
      {problems.after ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problems.after} Showing the first page.
        </p>
      ) : null}

      {cases.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          {filters.after ? "No more cases." : "No cases match."}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Cases in the compliance queue</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Case
                </th>
                <th scope="col" className="px-3 py-2">
                  Colleague concerned
                </th>
                <th scope="col" className="px-3 py-2">
                  Department
                </th>
                <th scope="col" className="px-3 py-2">
                  Severity
                </th>
                <th scope="col" className="px-3 py-2">
                  Escalated
                </th>
                <th scope="col" className="px-3 py-2">
                  Next due
                </th>
                <th scope="col" className="px-3 py-2">
                  Assigned to
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link
                      href={`/compliance/cases/${item.id}`}
                      className="text-brand-700 underline"
                    >
                      {item.reference}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{item.subjectName}</td>
                  <td className="px-3 py-2">{item.departmentName ?? "—"}</td>
                  <td className="px-3 py-2">{SEVERITY_LABELS[item.severity]}</td>
                  <td className="px-3 py-2">
                    {item.escalatedAt ? formatDateTime(item.escalatedAt) : "—"}
                  </td>
                  <td className="px-3 py-2">
                    <NextDeadline due={item.nextDueAt} now={now} />
                  </td>
                  <td className="px-3 py-2">
                    {item.assigneeId === actor.userId ? "You" : (item.assigneeName ?? "Nobody")}
                  </td>
                  <td className="space-x-2 px-3 py-2">
                    <StatusBadge state={item.state} />
                    <OverdueBadge clock={item.overdue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {filters.after ? (
          <Link href={`/compliance?${base}`} className="text-brand-700 underline">
            First page
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className="text-brand-700 underline">
            Next page
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

function withParam(params: URLSearchParams, key: string, value: string): string {
  const copy = new URLSearchParams(params);
  copy.set(key, value);
  return copy.toString();
}

function Select({
  name,
  label,
  value,
  options,
  error,
}: {
  name: keyof QueueFilters;
  label: string;
  value: string;
  options: [string, string][];
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={name}
        name={name}
        defaultValue={value}
        className={CONTROL}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
