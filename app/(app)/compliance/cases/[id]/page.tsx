import type { Metadata } from "next";
import Link from "next/link";
import { DoneBanner } from "@/components/concerns/done-banner";
import { formatDateTime, NextDeadline } from "@/components/concerns/next-deadline";
import { OverdueBadge } from "@/components/concerns/overdue-badge";
import { PostDetails } from "@/components/concerns/post-details";
import { StatusBadge } from "@/components/concerns/status-badge";
import { Timeline } from "@/components/concerns/timeline";
import { getDb } from "@/db/client";
import { requireCase } from "@/lib/authz/require-case";
import { OUTCOME_LABELS, REMEDIATION_LABELS, stateLabel } from "@/lib/domain/concern-labels";
import { CONCERN_CATEGORY_OPTIONS } from "@/lib/domain/policy-text";
import { overdueComplianceClock } from "@/lib/domain/waiting-on";
import {
  listCaseNotes,
  listInformationRequests,
  listSubjectHistory,
} from "@/lib/queries/case-file";
import { listTimeline } from "@/lib/queries/concerns";
import { activeOfficers } from "@/lib/queries/officers";
import { recordCaseAccess } from "@/lib/services/concerns/record-case-access";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import {
  AddNoteForm,
  AssignCaseForm,
  ClaimCaseForm,
  ReleaseCaseForm,
  ReopenCaseForm,
  RequestInformationForm,
  RetractNoteForm,
} from "./case-forms";
import { CloseCaseForm } from "./close-case-form";

export const metadata: Metadata = { title: "Case file · Peer Concerns" };

const RECIPIENT_LABELS = {
  subject: "the colleague concerned",
  reporter: "the colleague who raised the concern",
} as const;

export default async function CaseFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { actor, concern } = await requireCase("officer", params);
  const db = getDb();
  // The file shows the reporter's identity as it opens, so opening it is the access.
  await recordCaseAccess(db, actor, concern.id);
  const now = new Date();
  const [timeline, notes, requests, history, officers] = await Promise.all([
    listTimeline(db, concern, "officer", actor.userId),
    listCaseNotes(db, concern.id),
    listInformationRequests(db, concern.id),
    listSubjectHistory(db, concern, now),
    activeOfficers(db, { excluding: [concern.reporterId, concern.subjectId] }),
    markNotificationsRead(db, actor, concern.id),
  ]);
  const heldByMe = concern.state === "in_review" && concern.assigneeId === actor.userId;
  const inCompliance = concern.state === "escalated" || concern.state === "in_review";
  const overdue = overdueComplianceClock(concern, now);

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
          <StatusBadge state={concern.state} />
          <OverdueBadge clock={overdue} />
          <span className="text-sm">{concern.departmentName ?? "No department"}</span>
        </p>
        <DoneBanner done={(await searchParams).done} />
      </header>

      <section
        aria-labelledby="handling"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="handling" className="text-lg font-semibold">
          Handling
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Assigned to</dt>
          <dd data-testid="assignee">
            {concern.assigneeName
              ? concern.assigneeId === actor.userId
                ? `You (${concern.assigneeName})`
                : concern.assigneeName
              : "Nobody"}
          </dd>
          {inCompliance ? (
            <>
              <dt className="font-medium">Triage due</dt>
              <dd>
                {concern.assigneeId ? (
                  "Claimed"
                ) : (
                  <NextDeadline due={concern.triageDueAt} now={now} />
                )}
              </dd>
              <dt className="font-medium">Decision due</dt>
              <dd>
                <NextDeadline due={concern.decisionDueAt} now={now} />
              </dd>
            </>
          ) : null}
        </dl>
        <div className="mt-4 flex flex-wrap items-end gap-6">
          {concern.state === "escalated" ? (
            <ClaimCaseForm concernId={concern.id} label="Claim this case" />
          ) : null}
          {concern.state === "in_review" && !heldByMe ? (
            <p className="text-sm">
              To act on this case, reassign it to yourself first: its holder is told by the audit
              trail, not overruled silently.
            </p>
          ) : null}
          {heldByMe ? <ReleaseCaseForm concernId={concern.id} /> : null}
          {inCompliance ? (
            <AssignCaseForm
              concernId={concern.id}
              officers={officers.filter((o) => o.id !== concern.assigneeId)}
            />
          ) : null}
        </div>
      </section>

      <section
        aria-labelledby="parties"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="parties" className="text-lg font-semibold">
          Parties
        </h2>
        <p className="text-sm text-slate-600">
          Your opening of this file, which shows who raised the concern, is recorded in its access
          log.
        </p>
        <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Raised by</dt>
          <dd>
            {concern.reporterName} ({concern.reporterEmail}) ·{" "}
            {concern.disclosure === "named"
              ? "named to the colleague"
              : "confidential to the colleague"}
          </dd>
          <dt className="font-medium">Colleague concerned</dt>
          <dd>{concern.subjectName}</dd>
        </dl>
      </section>

      <section aria-labelledby="post">
        <h2 id="post" className="mb-3 text-lg font-semibold">
          The post
        </h2>
        <PostDetails concern={concern} />
      </section>

      {concern.respondedAt ? (
        <section
          aria-labelledby="response"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="response" className="text-lg font-semibold">
            The colleague&apos;s latest response
          </h2>
          <p className="font-medium">
            {concern.remediationAction
              ? REMEDIATION_LABELS[concern.remediationAction]
              : "Disputed the concern"}
          </p>
          {concern.responseNote ? (
            <p className="whitespace-pre-wrap break-words">{concern.responseNote}</p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-12">
        <h2 id="history-12" className="mb-3 text-lg font-semibold">
          Other concerns about this colleague in the last 12 months
        </h2>
        {history.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Other concerns about this colleague</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Case
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Raised
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Considerations
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((item) => (
                  <tr key={item.id} className="border-t border-slate-200">
                    <td className="px-3 py-2">
                      {item.escalatedAt ? (
                        <Link
                          href={`/compliance/cases/${item.id}`}
                          className="text-brand-700 underline"
                        >
                          {item.reference}
                        </Link>
                      ) : (
                        item.reference
                      )}
                    </td>
                    <td className="px-3 py-2">{formatDateTime(item.createdAt)}</td>
                    <td className="px-3 py-2">
                      {item.categories.map((c) => CONCERN_CATEGORY_OPTIONS[c].label).join(", ")}
                    </td>
                    <td className="px-3 py-2">{stateLabel(item.state)}</td>
                    <td className="px-3 py-2">
                      {item.outcome ? OUTCOME_LABELS[item.outcome] : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="questions" className="space-y-3">
        <h2 id="questions" className="text-lg font-semibold">
          Requests for information
        </h2>
        {requests.length === 0 ? <p className="text-sm">No questions asked yet.</p> : null}
        <ul className="space-y-3">
          {requests.map((request) => (
            <li
              key={request.id}
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm"
            >
              <p className="text-slate-600">
                Asked {RECIPIENT_LABELS[request.recipient]} on {formatDateTime(request.askedAt)}
              </p>
              <p className="whitespace-pre-wrap break-words font-medium">{request.question}</p>
              {request.answer && request.answeredAt ? (
                <p className="mt-2 whitespace-pre-wrap break-words">
                  <span className="font-medium">
                    Answer ({formatDateTime(request.answeredAt)}):{" "}
                  </span>
                  {request.answer}
                </p>
              ) : (
                <p className="mt-2 text-slate-600">Not answered yet.</p>
              )}
            </li>
          ))}
        </ul>
        {heldByMe ? <RequestInformationForm concernId={concern.id} /> : null}
      </section>

      <section aria-labelledby="notes" className="space-y-3">
        <h2 id="notes" className="text-lg font-semibold">
          Internal notes (officers only)
        </h2>
        {notes.length === 0 ? <p className="text-sm">No notes yet.</p> : null}
        <ul className="space-y-3">
          {notes.map((note) => (
            <li key={note.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="text-slate-600">
                {note.authorName} · {formatDateTime(note.createdAt)}
              </p>
              <p
                className={`whitespace-pre-wrap break-words ${note.retractedAt ? "line-through" : ""}`}
              >
                {note.body}
              </p>
              {note.retractedAt ? (
                <p className="mt-1 font-medium">
                  Retracted by {note.retractedByName} on {formatDateTime(note.retractedAt)}:{" "}
                  {note.retractionReason}
                </p>
              ) : note.authorId === actor.userId ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-brand-700 underline">
                    Retract this note
                  </summary>
                  <RetractNoteForm concernId={concern.id} noteId={note.id} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {heldByMe ? <AddNoteForm concernId={concern.id} /> : null}
      </section>

      {heldByMe ? (
        <section aria-labelledby="decide">
          <h2 id="decide" className="mb-3 text-lg font-semibold">
            Decide and close
          </h2>
          <CloseCaseForm concernId={concern.id} />
        </section>
      ) : null}
      {concern.state === "closed" ? (
        <section aria-labelledby="decision" className="space-y-3">
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="decision" className="text-lg font-semibold">
              Decision
            </h2>
            {concern.outcome ? (
              <>
                <p className="font-medium">
                  {OUTCOME_LABELS[concern.outcome]}
                  {concern.externalAuthority ? `: ${concern.externalAuthority}` : ""}
                </p>
                <p className="whitespace-pre-wrap break-words">{concern.outcomeRationale}</p>
              </>
            ) : null}
          </div>
          <ReopenCaseForm concernId={concern.id} />
        </section>
      ) : null}

      <section aria-labelledby="export" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="export" className="text-lg font-semibold">
          Export for an external authority
        </h2>
        <p className="text-sm text-slate-600">
          Each export is recorded in the case&apos;s access log. Internal notes are left out unless
          you choose to include them.
        </p>
        <ul className="mt-2 flex flex-wrap gap-4 text-sm">
          <li>
            <a
              href={`/compliance/cases/${concern.id}/export/pdf`}
              className="text-brand-700 underline"
              download
            >
              Download PDF
            </a>
          </li>
          <li>
            <a
              href={`/compliance/cases/${concern.id}/export/csv`}
              className="text-brand-700 underline"
              download
            >
              Download CSV
            </a>
          </li>
          <li>
            <a
              href={`/compliance/cases/${concern.id}/export/pdf?notes=include`}
              className="text-brand-700 underline"
              download
            >
              PDF with internal notes
            </a>
          </li>
          <li>
            <a
              href={`/compliance/cases/${concern.id}/export/csv?notes=include`}
              className="text-brand-700 underline"
              download
            >
              CSV with internal notes
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="history">
        <h2 id="history" className="mb-3 text-lg font-semibold">
          Timeline
        </h2>
        <Timeline entries={timeline} />
      </section>
    </article>
  );
}
