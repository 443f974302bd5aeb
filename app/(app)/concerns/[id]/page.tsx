import type { Metadata } from "next";
import Link from "next/link";
import { DoneBanner } from "@/components/concerns/done-banner";
import { LatestResponse } from "@/components/concerns/latest-response";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { PostDetails } from "@/components/concerns/post-details";
import { QuestionsFromCompliance } from "@/components/concerns/questions-from-compliance";
import { StatusBadge } from "@/components/concerns/status-badge";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requireCase } from "@/lib/authz/require-case";
import { availableEvents, isTerminal } from "@/lib/domain/concern-workflow";
import { waitingOn } from "@/lib/domain/waiting-on";
import { listInformationRequests } from "@/lib/queries/case-file";
import { listTimeline } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { REPORTER_DECISIONS, type ReporterDecision } from "@/lib/services/concerns/answer-response";
import { markCaseNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { ReporterActions } from "./reporter-actions";

export const metadata: Metadata = { title: "Concern · Peer Concerns" };

export default async function ConcernPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { actor, concern } = await requireCase("reporter", params);
  const db = getDb();
  const [timeline, questions, evidence] = await Promise.all([
    listTimeline(db, concern, "reporter", actor.userId),
    listInformationRequests(db, concern.id, "reporter"),
    listEvidence(db, concern.id),
    markCaseNotificationsRead(db, actor, concern.id),
  ]);
  const decisions = availableEvents(
    concern.state,
    "reporter",
    concern.severity === "significantly_violates_norms",
  ).filter((event): event is ReporterDecision =>
    (REPORTER_DECISIONS as readonly string[]).includes(event),
  );
  const { done } = await searchParams;
  return (
    <article className="space-y-8">
      <header>
        <Link href="/concerns" className="text-sm text-brand-700 underline">
          ← My concerns
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {concern.reference}: concern about {concern.subjectName}&apos;s post
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <StatusBadge state={concern.state} viewer="reporter" />
          <span className="text-sm text-slate-700">
            Next deadline:{" "}
            <NextDeadline
              due={waitingOn(concern)?.dueAt ?? null}
              now={new Date()}
              timeZone={actor.timeZone}
            />
          </span>
          <span className="text-sm text-slate-700">
            {concern.disclosure === "named"
              ? "Your colleague sees your name."
              : "Confidential: your colleague does not see your name."}
          </span>
        </p>
        <DoneBanner done={done} />
      </header>

      <LatestResponse concern={concern} view="reporter" />

      {concern.outcome ? (
        <section
          aria-labelledby="outcome"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="outcome" className="text-lg font-semibold">
            Closed by the compliance team
          </h2>
          <p>The compliance team has decided this case and closed it.</p>
        </section>
      ) : null}

      {decisions.length > 0 ? (
        <section aria-labelledby="actions">
          <h2 id="actions" className="mb-3 text-lg font-semibold">
            What you can do now
          </h2>
          <ReporterActions
            concernId={concern.id}
            decisions={decisions}
            significant={concern.severity === "significantly_violates_norms"}
            confidential={concern.disclosure === "confidential"}
          />
        </section>
      ) : null}
      <PostDetails concern={concern} evidence={evidence} />

      <QuestionsFromCompliance
        requests={questions}
        view="reporter"
        open={!isTerminal(concern.state)}
        timeZone={actor.timeZone}
      />
      <Timeline entries={timeline} timeZone={actor.timeZone} />
    </article>
  );
}
