import Link from "next/link";
import { DoneBanner } from "@/components/concerns/done-banner";
import { FeedbackBadge } from "@/components/concerns/feedback-badge";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { OverdueBadge } from "@/components/concerns/overdue-badge";
import { StatusBadge } from "@/components/concerns/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import type { Db } from "@/db/client";
import type { Actor, Reader } from "@/lib/authz/permissions";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import { listOpenAppeals } from "@/lib/queries/appeals";
import { listReportedMessages } from "@/lib/queries/case-thread";
import { listQueue } from "@/lib/queries/compliance-queue";
import { listPatternReviewQueue } from "@/lib/queries/pattern-reviews";
import {
  type QueueFilterProblems,
  type QueueFilters,
  queueSearchParams,
} from "@/lib/queries/queue-filters";
import { listDepartments } from "@/lib/queries/users";
import { AppealsSection } from "./appeals-section";
import { PatternReviewsSection } from "./pattern-reviews-section";
import { QueueFiltersForm } from "./queue-filters-form";
import { ReportedMessagesSection } from "./reported-messages-section";

/** Everything the queue page shows, read side by side: no query waits on another. */
export async function loadQueuePage(db: Db, actor: Actor, filters: QueueFilters, now: Date) {
  const [{ cases, nextCursor }, departments, reports, appeals, patternReviews] = await Promise.all([
    listQueue(db, actor, filters, now),
    listDepartments(db),
    listReportedMessages(db, actor.userId),
    listOpenAppeals(db, actor),
    listPatternReviewQueue(db, actor),
  ]);
  return { cases, nextCursor, departments, reports, appeals, patternReviews };
}

/**
 * The queue page drawn from what `loadQueuePage` read, and nothing else: the page reads
 * and draws it per request; the benchmark also draws it from data read once, to tell the
 * cost of drawing it from the cost of reading it.
 */
export function QueueView({
  actor,
  filters,
  problems,
  done,
  now,
  data: { cases, nextCursor, departments, reports, appeals, patternReviews },
}: {
  actor: Reader;
  filters: QueueFilters;
  problems: QueueFilterProblems;
  /** The `done` parameter an action left, for its banner. */
  done: string | undefined;
  now: Date;
  data: Awaited<ReturnType<typeof loadQueuePage>>;
}) {
  const base = queueSearchParams(filters);
  const nextHref = nextCursor ? `/compliance?${withParam(base, "after", nextCursor)}` : null;

  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Compliance queue</h1>
        {/* On a phone the two links wrap onto two lines: each stays a 24 px target. */}
        <span className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link
            href="/compliance/record-concern"
            className="inline-flex min-h-6 items-center text-brand-700 underline"
          >
            Record a concern that came by phone, letter or another channel
          </Link>
          <Link
            href="/compliance/insights"
            className="inline-flex min-h-6 items-center text-brand-700 underline"
          >
            Insights
          </Link>
        </span>
      </div>
      <DoneBanner done={done} />
      <p className="text-slate-700">
        Significant concerns that were not resolved between colleagues, until an officer closes
        them. Choose &ldquo;Every case&rdquo; to see closed ones too; a case reference such as
        PC-000123 finds its case whatever its state.
      </p>

      <QueueFiltersForm filters={filters} problems={problems} departments={departments} />
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
        <Table
          caption="Cases in the compliance queue"
          rows={cases}
          rowKey={(item) => item.id}
          columns={[
            {
              header: "Case",
              cell: (item) => (
                <Link href={`/compliance/cases/${item.id}`} className="text-brand-700 underline">
                  {item.reference}
                </Link>
              ),
            },
            { header: "Colleague concerned", cell: (item) => item.subjectName },
            { header: "Department", cell: (item) => item.departmentName ?? "—" },
            { header: "Severity", cell: (item) => SEVERITY_LABELS[item.severity] },
            {
              header: "Escalated",
              cell: (item) =>
                item.escalatedAt ? (
                  <DateTime date={item.escalatedAt} timeZone={actor.timeZone} />
                ) : (
                  "—"
                ),
            },
            {
              header: "Next due",
              cell: (item) => (
                <NextDeadline due={item.nextDueAt} now={now} timeZone={actor.timeZone} />
              ),
            },
            {
              header: "Assigned to",
              cell: (item) =>
                item.assigneeId === actor.userId ? "You" : (item.assigneeName ?? "Nobody"),
            },
            {
              header: "Status",
              cell: (item) => (
                <span className="flex flex-wrap gap-2">
                  <StatusBadge state={item.state} viewer="officer" />
                  <OverdueBadge clock={item.overdue} />
                  <FeedbackBadge clock={item.feedback} />
                </span>
              ),
            },
          ]}
        />
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
      <AppealsSection appeals={appeals} timeZone={actor.timeZone} />
      <PatternReviewsSection
        reviews={patternReviews}
        viewerId={actor.userId}
        timeZone={actor.timeZone}
      />
      <ReportedMessagesSection reports={reports} timeZone={actor.timeZone} />
    </section>
  );
}

function withParam(params: URLSearchParams, key: string, value: string): string {
  const copy = new URLSearchParams(params);
  copy.set(key, value);
  return copy.toString();
}
