import type { Metadata } from "next";
import Link from "next/link";
import { AppealOutcome } from "@/components/concerns/appeal-outcome";
import { RaisedByMany, raisedByWords } from "@/components/concerns/case-reporters";
import { CaseThread } from "@/components/concerns/case-thread";
import { DecidedOutcome } from "@/components/concerns/decided-outcome";
import { DoneBanner } from "@/components/concerns/done-banner";
import { LatestResponse } from "@/components/concerns/latest-response";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { PostDetails } from "@/components/concerns/post-details";
import { QuestionsFromCompliance } from "@/components/concerns/questions-from-compliance";
import { StatusBadge } from "@/components/concerns/status-badge";
import { SupportProgrammeSection } from "@/components/concerns/support-programme";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requireCase } from "@/lib/authz/require-case";
import { appealWindowEndsAt, mayFileAppeal } from "@/lib/domain/appeal";
import { threadRecipient } from "@/lib/domain/case-thread";
import { describeRaisedBy } from "@/lib/domain/concern-channels";
import { availableEvents, isTerminal } from "@/lib/domain/concern-workflow";
import { ifYouDoNothing } from "@/lib/domain/notice-words";
import {
  AMA_CONSIDERATIONS,
  AMA_POLICY_TITLE,
  CONCERN_CATEGORY_OPTIONS,
} from "@/lib/domain/policy-text";
import { deadlineFor } from "@/lib/domain/waiting-on";
import { findAppealForParty } from "@/lib/queries/appeals";
import { listInformationRequests } from "@/lib/queries/case-file";
import { listCaseReporters } from "@/lib/queries/case-reporters";
import { listThread, threadPageAskedFor } from "@/lib/queries/case-thread";
import { listTimeline } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { openNotice } from "@/lib/services/concerns/open-notice";
import { markCaseNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { MessageFormOrClosed, ReportMessageForm } from "../../concerns/thread-forms";
import { AppealForm } from "./appeal-form";
import { ResponseForms } from "./response-forms";

export const metadata: Metadata = { title: "Notice · Peer Concerns" };

export default async function NoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; thread_older?: string; thread_newer?: string }>;
}) {
  const { actor, concern } = await requireCase("subject", params);
  const search = await searchParams;
  const { done } = search;
  const threadPage = threadPageAskedFor(search);
  const db = getDb();
  // Opening the notice is part of the record (recorded once), so it is written before the
  // timeline is read; the other reads do not wait for it, and the thread's messages are
  // read beside the timeline, taking its responses once read. Once it is recorded, a later
  // view has nothing to write: it skips the transaction and the lock on the case that every
  // view of the same notice would otherwise queue on (a stale "not yet" only takes the
  // locked path, which records nothing twice).
  const opened = concern.noticeOpenedAt ? Promise.resolve() : openNotice(db, actor, concern.id);
  const timelineRead = opened.then(() => listTimeline(db, concern, "subject", actor.userId));
  const [timeline, thread, questions, evidence, { support, appealWindowDays }, appeal, reporters] =
    await Promise.all([
      timelineRead,
      listThread(db, concern, "subject", actor.userId, timelineRead, threadPage),
      listInformationRequests(db, concern.id, "subject"),
      listEvidence(db, concern.id),
      loadWorkflowSettings(db),
      findAppealForParty(db, concern.id),
      listCaseReporters(db, concern, "subject", actor.userId),
      markCaseNotificationsRead(db, actor, concern.id),
    ]);
  const otherParty = threadRecipient(
    "subject",
    { name: concern.reporterName },
    concern.disclosure === "named",
  );
  const events = availableEvents(
    concern.state,
    "subject",
    concern.severity === "significantly_violates_norms",
  );
  const yourDeadline = deadlineFor("subject", concern);
  const alreadyAppealed = appeal?.decisionClosedAt.getTime() === concern.closedAt?.getTime();
  const canAppeal =
    concern.closedAt !== null &&
    mayFileAppeal({ ...concern, alreadyAppealed }, new Date(), appealWindowDays).ok;
  const raisedBy = describeRaisedBy(concern.channel, concern.reporterName);
  const letters = concern.categories
    .map((c) => CONCERN_CATEGORY_OPTIONS[c].consideration)
    .filter((l) => l !== null);
  return (
    <article className="space-y-8">
      <header>
        <Link href="/notices" className="text-sm text-brand-700 underline">
          ← Notices about my posts
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {concern.reference}: a concern about one of your posts
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <StatusBadge state={concern.state} viewer="subject" />
          <span className="text-sm">
            {raisedBy.label}:{" "}
            <span className="font-medium" data-testid="raised-by">
              {reporters.length > 1 ? raisedByWords(reporters) : raisedBy.text}
            </span>
          </span>
        </p>
        <DoneBanner done={done} />
      </header>

      <PostDetails concern={concern} evidence={evidence} title="What was seen" />
      <RaisedByMany reporters={reporters} />

      {yourDeadline ? (
        <section
          aria-labelledby="deadline"
          className="rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
        >
          <h2 id="deadline" className="text-lg font-semibold">
            Please respond by{" "}
            <NextDeadline due={yourDeadline} now={new Date()} timeZone={actor.timeZone} />
          </h2>
          <p className="mt-1" data-testid="if-you-do-nothing">
            {ifYouDoNothing(concern.severity)}
          </p>
        </section>
      ) : null}

      {concern.outcome ? (
        <DecidedOutcome outcome={concern.outcome} summary={concern.outcomeSummary} view="subject" />
      ) : null}

      {appeal ? <AppealOutcome appeal={appeal} view="subject" timeZone={actor.timeZone} /> : null}
      {canAppeal && concern.closedAt ? (
        <AppealForm
          concernId={concern.id}
          until={appealWindowEndsAt(concern.closedAt, appealWindowDays)}
          timeZone={actor.timeZone}
        />
      ) : null}

      <LatestResponse concern={concern} view="subject" />

      {events.includes("report_remediation") || events.includes("dispute") ? (
        <section aria-labelledby="respond">
          <h2 id="respond" className="mb-3 text-lg font-semibold">
            What you can do
          </h2>
          <ResponseForms
            concernId={concern.id}
            canRemediate={events.includes("report_remediation")}
            canDispute={events.includes("dispute")}
          />
        </section>
      ) : null}

      <SupportProgrammeSection support={support} />

      <CaseThread
        items={thread.items}
        path={`/notices/${concern.id}`}
        earlier={thread.earlier}
        later={thread.later}
        restarted={thread.restarted}
        timeZone={actor.timeZone}
        intro={`You and ${otherParty} can write to each other here until the case is finished.`}
        footer={
          <MessageFormOrClosed
            concernId={concern.id}
            state={concern.state}
            recipient={otherParty}
            confidentialReporter={false}
          />
        }
        reportFormFor={(messageId) => <ReportMessageForm messageId={messageId} />}
      />

      {/* Open, but after what the colleague must act on, and out of the way once read. */}
      <details open className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer text-lg font-semibold">
          Why you are receiving this: the policy
        </summary>
        <div className="mt-2 space-y-2">
          {concern.channel === "web" ? (
            <p>
              A colleague saw one of your posts and, as the AMA policy &ldquo;{AMA_POLICY_TITLE}
              &rdquo; asks, is bringing it to your attention first, so that you can remove it or
              take other appropriate action.
            </p>
          ) : (
            <p>
              One of your posts was raised with the compliance team, who, as the AMA policy &ldquo;
              {AMA_POLICY_TITLE}&rdquo; asks, bring it to your attention first, so that you can
              remove it or take other appropriate action.
            </p>
          )}
          <blockquote className="border-l-4 border-brand-600 pl-3 text-sm text-slate-700">
            (e) {AMA_CONSIDERATIONS.e}
          </blockquote>
          {letters.map((letter) => (
            <blockquote
              key={letter}
              className="border-l-4 border-slate-300 pl-3 text-sm text-slate-700"
            >
              ({letter}) {AMA_CONSIDERATIONS[letter]}
            </blockquote>
          ))}
        </div>
      </details>

      <QuestionsFromCompliance
        requests={questions}
        view="subject"
        open={!isTerminal(concern.state)}
        timeZone={actor.timeZone}
      />
      <Timeline entries={timeline} timeZone={actor.timeZone} />
    </article>
  );
}
