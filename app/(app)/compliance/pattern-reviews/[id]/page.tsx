import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoneBanner } from "@/components/concerns/done-banner";
import { StatusBadge } from "@/components/concerns/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { describeConsiderations, OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import {
  decisionOpensAt,
  mayDecideYet,
  patternReviewStateLabel,
} from "@/lib/domain/pattern-review";
import { SEVERITY_LABELS } from "@/lib/domain/policy-text";
import { loadPatternReviewForOfficer } from "@/lib/queries/pattern-reviews";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { patternReviewIdSchema } from "@/lib/services/pattern-reviews/pattern-review-schemas";
import { ClaimPatternReviewForm, DecidePatternReviewForm } from "./review-forms";

export const metadata: Metadata = { title: "Pattern review · Peer Concerns" };

/**
 * A pattern review for its officers: the colleague, the concerns it lists (a case file
 * linked only once escalated; a confidential reporter never named), the colleague's answer,
 * and claiming, deciding or the decision.
 */
export default async function PatternReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requirePermission("compliance:work");
  const id = patternReviewIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [review, { windows }] = await Promise.all([
    loadPatternReviewForOfficer(getDb(), actor, id.data),
    loadWorkflowSettings(getDb()),
  ]);
  if (!review) notFound();
  const { done } = await searchParams;
  const heldByMe = review.state === "in_review" && review.assigneeId === actor.userId;
  const answerUntil = decisionOpensAt(review, windows.remediationWindowMs);
  const decidable = mayDecideYet(review, windows.remediationWindowMs, new Date());
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/compliance#pattern-reviews" className="text-brand-700 underline">
            Compliance queue
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Pattern review {review.reference}</h1>
        <p className="mt-1 text-slate-700">
          {review.subjectName}
          {review.departmentName ? `, ${review.departmentName}` : ""}: {review.concerns.length}{" "}
          concerns from {review.reporterCount} different colleagues. Opened{" "}
          <DateTime date={review.openedAt} timeZone={actor.timeZone} />.
        </p>
        <p className="mt-1 text-sm" data-testid="review-state">
          <strong>{patternReviewStateLabel(review.state, "officer")}</strong>
          {review.holderName ? ` · held by ${review.holderName}` : ""}
        </p>
        <DoneBanner done={done} />
      </header>

      <section aria-labelledby="listed" className="space-y-2">
        <h2 id="listed" className="text-lg font-semibold">
          The concerns it lists
        </h2>
        <p className="text-sm text-slate-700">
          Whatever became of each. Only cases that reached compliance have a case file; the others
          show what officers may know of them.
        </p>
        <Table
          caption="Concerns in this review"
          rows={review.concerns}
          rowKey={(c) => c.id}
          columns={[
            {
              header: "Case",
              cell: (c) =>
                c.escalatedAt ? (
                  <Link href={`/compliance/cases/${c.id}`} className="text-brand-700 underline">
                    {c.reference}
                  </Link>
                ) : (
                  c.reference
                ),
            },
            {
              header: "Raised",
              cell: (c) => <DateTime date={c.filedAt} timeZone={actor.timeZone} />,
            },
            { header: "State", cell: (c) => <StatusBadge state={c.state} viewer="officer" /> },
            {
              header: "Ended",
              cell: (c) =>
                c.closedAt ? <DateTime date={c.closedAt} timeZone={actor.timeZone} /> : "Open",
            },
            { header: "Considerations", cell: (c) => describeConsiderations(c) },
            { header: "Severity", cell: (c) => SEVERITY_LABELS[c.severity] },
            { header: "Raised by", cell: (c) => c.namedReporter ?? "A colleague (confidential)" },
          ]}
        />
      </section>

      <section aria-labelledby="answer" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="answer" className="text-lg font-semibold">
          The colleague&rsquo;s answer
        </h2>
        {review.colleagueAnswer && review.answeredAt ? (
          <>
            <p className="text-sm text-slate-600">
              <DateTime date={review.answeredAt} timeZone={actor.timeZone} />
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words" data-testid="colleague-answer">
              {review.colleagueAnswer}
            </p>
          </>
        ) : review.state === "decided" ? (
          <p className="text-slate-700">{review.subjectName} did not answer before the decision.</p>
        ) : (
          <p className="text-slate-700" data-testid="answer-window">
            {decidable ? (
              <>
                None. {review.subjectName} was told when the review opened and could answer until{" "}
                <DateTime date={answerUntil} timeZone={actor.timeZone} />; that time has passed.
                They may still answer until the review is decided.
              </>
            ) : (
              <>
                Not yet. {review.subjectName} was told when the review opened and may answer until{" "}
                <DateTime date={answerUntil} timeZone={actor.timeZone} />. The review cannot be
                decided before then unless they answer.
              </>
            )}
          </p>
        )}
      </section>

      {review.state === "open" ? (
        <section aria-labelledby="take" className="space-y-2">
          <h2 id="take" className="text-lg font-semibold">
            Take the review
          </h2>
          <ClaimPatternReviewForm reviewId={review.id} />
        </section>
      ) : null}
      {heldByMe ? (
        <section aria-labelledby="decide" className="space-y-2">
          <h2 id="decide" className="text-lg font-semibold">
            Decide
          </h2>
          {decidable ? (
            <DecidePatternReviewForm reviewId={review.id} />
          ) : (
            <p data-testid="decision-waits">
              {review.subjectName} may answer until{" "}
              <DateTime date={answerUntil} timeZone={actor.timeZone} />. You can decide once they
              answer or that time passes.
            </p>
          )}
        </section>
      ) : null}
      {review.state === "decided" && review.outcome ? (
        <section
          aria-labelledby="decision"
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid="review-decision"
        >
          <h2 id="decision" className="text-lg font-semibold">
            Decision
          </h2>
          <p className="font-medium">
            {OUTCOME_LABELS[review.outcome]}
            {review.externalAuthority ? `: ${review.externalAuthority}` : ""}
          </p>
          <p className="whitespace-pre-wrap break-words">{review.outcomeRationale}</p>
          {review.outcomeSummary ? (
            <>
              <h3 className="mt-3 font-medium">Told to the colleague</h3>
              <p className="whitespace-pre-wrap break-words">{review.outcomeSummary}</p>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
