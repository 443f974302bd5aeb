import type { Metadata } from "next";
import Link from "next/link";
import { AppealOutcome } from "@/components/concerns/appeal-outcome";
import { JoinedCase } from "@/components/concerns/case-reporters";
import { CaseThread } from "@/components/concerns/case-thread";
import { DecidedOutcome } from "@/components/concerns/decided-outcome";
import { DoneBanner } from "@/components/concerns/done-banner";
import { LatestResponse } from "@/components/concerns/latest-response";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { PostDetails } from "@/components/concerns/post-details";
import { QuestionsFromCompliance } from "@/components/concerns/questions-from-compliance";
import { StatusBadge } from "@/components/concerns/status-badge";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requireCase } from "@/lib/authz/require-case";
import { threadRecipient } from "@/lib/domain/case-thread";
import { CHANNEL_LABELS, type ConcernChannel } from "@/lib/domain/concern-channels";
import { availableEvents, isTerminal } from "@/lib/domain/concern-workflow";
import { decisionsAwaited } from "@/lib/domain/reporter-verdicts";
import { waitingOn } from "@/lib/domain/waiting-on";
import { findAppealForParty } from "@/lib/queries/appeals";
import { listInformationRequests } from "@/lib/queries/case-file";
import { listCaseReporters } from "@/lib/queries/case-reporters";
import { listThread, threadPageAskedFor } from "@/lib/queries/case-thread";
import { listTimeline } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { reporterDecisions } from "@/lib/services/concerns/answer-response";
import { markCaseNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { MessageFormOrClosed, ReportMessageForm } from "../thread-forms";
import { ReporterActions } from "./reporter-actions";

export const metadata: Metadata = { title: "Concern · Peer Concerns" };

export default async function ConcernPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; thread_older?: string; thread_newer?: string }>;
}) {
  const { actor, concern } = await requireCase("reporter", params);
  const search = await searchParams;
  const { done } = search;
  const threadPage = threadPageAskedFor(search);
  const db = getDb();
  // The thread's messages are read beside the timeline, and take its responses once read.
  const timelineRead = listTimeline(db, concern, "reporter", actor.userId);
  const [timeline, thread, questions, evidence, appeal, reporters] = await Promise.all([
    timelineRead,
    listThread(db, concern, "reporter", actor.userId, timelineRead, threadPage),
    // Compliance's questions to the reporter go to the reporter of record alone.
    concern.joinedAt ? [] : listInformationRequests(db, concern.id, "reporter"),
    listEvidence(db, concern.id),
    findAppealForParty(db, concern.id),
    listCaseReporters(db, concern, "reporter", actor.userId),
    markCaseNotificationsRead(db, actor, concern.id),
  ]);
  const ownAnswer = reporters.find((reporter) => reporter.isViewer)?.verdict ?? null;
  const decisions = reporterDecisions(
    availableEvents(concern.state, "reporter", concern.severity === "significantly_violates_norms"),
    { reporters: reporters.length, answered: ownAnswer !== null },
  );
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
          <span className="text-sm text-slate-700" data-testid="how-raised">
            {howYouRaisedIt(concern, actor.userId)}
          </span>
        </p>
        <DoneBanner done={done} />
        <JoinedCase
          joinedAt={concern.joinedAt}
          reporters={reporters.length}
          waitingForOthers={ownAnswer !== null && decisionsAwaited(concern.state)}
          timeZone={actor.timeZone}
        />
      </header>

      <LatestResponse concern={concern} view="reporter" />

      {concern.outcome ? (
        <DecidedOutcome
          outcome={concern.outcome}
          summary={concern.outcomeSummary}
          view="reporter"
        />
      ) : null}
      {appeal ? <AppealOutcome appeal={appeal} view="reporter" timeZone={actor.timeZone} /> : null}

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

      <CaseThread
        items={thread.items}
        path={`/concerns/${concern.id}`}
        earlier={thread.earlier}
        later={thread.later}
        restarted={thread.restarted}
        timeZone={actor.timeZone}
        intro={
          concern.joinedAt
            ? `What ${concern.subjectName} and the colleague who first raised this post wrote to each other, with the responses.`
            : `You and ${concern.subjectName} can write to each other here until the case is finished. ${
                concern.disclosure === "named"
                  ? "They see your name."
                  : "They see you as \u201cthe colleague who raised this\u201d, never your name."
              }`
        }
        footer={
          concern.joinedAt ? (
            <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
              The conversation is between your colleague and the colleague who first raised this
              post. You answer their response above; to add anything else, write to the compliance
              team.
            </p>
          ) : (
            <MessageFormOrClosed
              concernId={concern.id}
              state={concern.state}
              recipient={threadRecipient("reporter", { name: concern.subjectName }, true)}
              confidentialReporter={concern.disclosure === "confidential"}
            />
          )
        }
        reportFormFor={(messageId) => <ReportMessageForm messageId={messageId} />}
      />

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

/** What the reporter of record's view says of how the concern was raised and who is seen. */
function howYouRaisedIt(
  concern: {
    channel: ConcernChannel;
    disclosure: string;
    recordedById: string | null;
    sourceName: string | null;
    joinedAt: Date | null;
  },
  viewerId: string,
): string {
  const named = concern.disclosure === "named";
  // A colleague who joined the case raised it on the web, however its first report came.
  if (concern.channel === "web" || concern.joinedAt) {
    return named
      ? "Your colleague sees your name."
      : "Confidential: your colleague does not see your name.";
  }
  const how = CHANNEL_LABELS[concern.channel].toLowerCase();
  if (concern.recordedById !== viewerId) {
    return `The compliance team recorded this for you (${how}). ${named ? "Your colleague sees your name." : "Confidential: your colleague does not see your name."}`;
  }
  const source = concern.sourceName
    ? `${concern.sourceName}${named ? ", whose name the colleague sees" : ", who stays confidential"}`
    : "an anonymous source";
  return `You recorded this (${how}) for ${source}, and answer for them here. The colleague is never told who recorded it.`;
}
