import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { CaseThread } from "@/components/concerns/case-thread";
import { DoneBanner } from "@/components/concerns/done-banner";
import { LatestResponse } from "@/components/concerns/latest-response";
import { OverdueBadge } from "@/components/concerns/overdue-badge";
import { PostDetails } from "@/components/concerns/post-details";
import { StatusBadge } from "@/components/concerns/status-badge";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requireCase } from "@/lib/authz/require-case";
import { overdueComplianceClock } from "@/lib/domain/waiting-on";
import { isForeignNavigation } from "@/lib/http/same-origin";
import { findAppealForOfficer } from "@/lib/queries/appeals";
import {
  listCaseAccess,
  listCaseNotes,
  listInformationRequests,
  listSubjectHistory,
} from "@/lib/queries/case-file";
import { listCaseReporters, listFurtherReporterIds } from "@/lib/queries/case-reporters";
import { listThread, threadPageAskedFor } from "@/lib/queries/case-thread";
import { listTimeline } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { activeOfficers } from "@/lib/queries/officers";
import { listRetaliationLinks } from "@/lib/queries/retaliation";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { markCaseNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { AccessLogSection } from "./access-log-section";
import { AppealSection } from "./appeal-section";
import { DecisionSection } from "./decision-section";
import { ExportSection } from "./export-section";
import { HandlingSection } from "./handling-section";
import { NotesSection } from "./notes-section";
import { OpenCaseFileStep } from "./open-case-file-step";
import { PartiesSection } from "./parties-section";
import { QuestionsSection } from "./questions-section";
import { RecuseSection } from "./recuse-section";
import { RedactTextSection } from "./redact-text-section";
import { RetaliationSection } from "./retaliation-section";
import { SubjectHistorySection } from "./subject-history-section";

export const metadata: Metadata = { title: "Case file · Peer Concerns" };

export default async function CaseFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; thread_older?: string; thread_newer?: string }>;
}) {
  const { actor, concern } = await requireCase("officer", params);
  if (isForeignNavigation(await headers())) {
    return <OpenCaseFileStep concernId={concern.id} reference={concern.reference} />;
  }
  const search = await searchParams;
  const { done } = search;
  const threadPage = threadPageAskedFor(search);
  const db = getDb();
  const now = new Date();
  // Everything the file needs at once. The opening is recorded first (the file shows the
  // reporter's identity as it opens, so opening it is the access) and the access log read
  // after it, so it lists this opening; the other reads do not wait for either. The
  // thread's messages are read beside the timeline, and take its responses once read.
  const timelineRead = listTimeline(db, concern, "officer", actor.userId);
  const [
    access,
    timeline,
    thread,
    officers,
    notes,
    requests,
    history,
    retaliation,
    evidence,
    appeal,
    reporters,
  ] = await Promise.all([
    recordCaseAccess(db, actor, concern.id).then(() => listCaseAccess(db, concern.id)),
    timelineRead,
    listThread(db, concern, "officer", actor.userId, timelineRead, threadPage),
    listFurtherReporterIds(db, concern.id).then((furtherReporterIds) =>
      activeOfficers(db, {
        excluding: [concern.reporterId, concern.subjectId, ...furtherReporterIds],
        forCase: concern.id,
      }),
    ),
    listCaseNotes(db, concern.id),
    listInformationRequests(db, concern.id),
    listSubjectHistory(db, concern, now),
    listRetaliationLinks(db, concern),
    listEvidence(db, concern.id),
    findAppealForOfficer(db, actor, concern),
    listCaseReporters(db, concern, "officer", actor.userId),
    markCaseNotificationsRead(db, actor, concern.id),
  ]);
  const heldByMe = concern.state === "in_review" && concern.assigneeId === actor.userId;

  return (
    <article className="space-y-8">
      <header>
        <Link href="/compliance" className="text-sm text-brand-700 underline">
          ← Compliance queue
        </Link>
        <h1 className="mt-2 text-2xl font-bold">
          {concern.reference}: {concern.subjectName}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-3">
          <StatusBadge state={concern.state} viewer="officer" />
          <OverdueBadge clock={overdueComplianceClock(concern, now)} />
          <span className="text-sm">{concern.departmentName ?? "No department"}</span>
        </p>
        <DoneBanner done={done} />
      </header>
      {appeal ? (
        <AppealSection
          concernId={concern.id}
          appeal={appeal}
          viewerId={actor.userId}
          timeZone={actor.timeZone}
        />
      ) : null}
      {/* The decision first: it is what the holder came for, and once made, what matters. */}
      <DecisionSection concern={concern} heldByMe={heldByMe} />
      <HandlingSection
        concern={concern}
        viewerId={actor.userId}
        officers={officers}
        now={now}
        timeZone={actor.timeZone}
      />
      <PartiesSection concern={concern} reporters={reporters} timeZone={actor.timeZone} />
      <RecuseSection concernId={concern.id} heldByMe={heldByMe} />
      <RetaliationSection
        links={retaliation}
        reporterName={concern.reporterName ?? "the reporter"}
        subjectName={concern.subjectName}
        timeZone={actor.timeZone}
      />
      <PostDetails concern={concern} evidence={evidence} />
      <LatestResponse concern={concern} view="officer" />
      <CaseThread
        items={thread.items}
        path={`/compliance/cases/${concern.id}`}
        earlier={thread.earlier}
        later={thread.later}
        restarted={thread.restarted}
        timeZone={actor.timeZone}
        intro="What the two colleagues wrote to each other, with their responses, from the filing on."
        footer={
          <p className="text-sm text-slate-700">
            Only the two colleagues write here; you read it. To ask either of them something, use
            Requests for information below.
          </p>
        }
      />
      <SubjectHistorySection history={history} timeZone={actor.timeZone} />
      <QuestionsSection
        concernId={concern.id}
        requests={requests}
        canAsk={heldByMe}
        timeZone={actor.timeZone}
      />
      <NotesSection
        concernId={concern.id}
        notes={notes}
        viewerId={actor.userId}
        canAdd={heldByMe}
        timeZone={actor.timeZone}
      />
      {heldByMe ? <RedactTextSection concern={concern} requests={requests} /> : null}
      <ExportSection concernId={concern.id} timeline={timeline} timeZone={actor.timeZone} />
      <AccessLogSection access={access} viewerId={actor.userId} timeZone={actor.timeZone} />
      <Timeline entries={timeline} timeZone={actor.timeZone} />
    </article>
  );
}
