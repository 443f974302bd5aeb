import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoneBanner } from "@/components/concerns/done-banner";
import { DateTime } from "@/components/ui/date-time";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import {
  decisionOpensAt,
  mayDecideYet,
  patternReviewStateLabel,
} from "@/lib/domain/pattern-review";
import { loadPatternReviewForSubject } from "@/lib/queries/pattern-reviews";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { patternReviewIdSchema } from "@/lib/services/pattern-reviews/pattern-review-schemas";
import { AnswerReviewForm } from "./answer-review-form";

export const metadata: Metadata = { title: "Review of several concerns · Peer Concerns" };

/**
 * The colleague's page of a pattern review: in plain words what it is and what happens next,
 * their answer before any decision, and the outcome with the summary written for them.
 * Never who raised the concerns, nor the officers' rationale.
 */
export default async function PatternReviewNoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requirePermission("notices:respond");
  const id = patternReviewIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const review = await loadPatternReviewForSubject(getDb(), actor, id.data);
  if (!review) notFound();
  const { done } = await searchParams;
  const decided = review.state === "decided";
  const { windows } = await loadWorkflowSettings(getDb());
  const answerUntil = decisionOpensAt(review, windows.remediationWindowMs);
  // Once answered, or once the time has passed, the date no longer holds anything back.
  const heldForYou = !mayDecideYet(review, windows.remediationWindowMs, new Date());
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">A review of several concerns about your posts</h1>
        <p className="mt-1 text-sm text-slate-700">
          {review.reference} · opened <DateTime date={review.openedAt} timeZone={actor.timeZone} />{" "}
          · <strong>{patternReviewStateLabel(review.state, "subject")}</strong>
        </p>
        <DoneBanner done={done} />
      </header>

      <section aria-labelledby="what" className="space-y-2">
        <h2 id="what" className="text-lg font-semibold">
          What this is
        </h2>
        <p>
          {review.concerns.length} concerns about your posts were raised by more than one colleague.
          Each may have ended between you and the colleague who raised it. When several colleagues
          raise concerns about one person within the organisation&rsquo;s window (a year unless it
          set another), the compliance team looks at them together, to see whether there is a
          pattern. This is not a finding against you.
        </p>
        <ul className="list-disc space-y-1 pl-6" aria-label="The concerns it looks at">
          {review.concerns.map((c) => (
            <li key={c.id}>
              <Link href={`/notices/${c.id}`} className="text-brand-700 underline">
                {c.reference}
              </Link>
              , raised <DateTime date={c.filedAt} timeZone={actor.timeZone} />
            </li>
          ))}
        </ul>
      </section>

      {decided ? null : (
        <section aria-labelledby="next" className="space-y-2">
          <h2 id="next" className="text-lg font-semibold">
            What happens next
          </h2>
          <p>
            A compliance officer will read the concerns and anything you write here, then decide: no
            violation, a coaching conversation, formal action, or a referral to an external
            authority. You can answer until the review is decided, so answer soon if you wish to:
            your answer is read with the concerns. You will be told the outcome.
          </p>
          {heldForYou ? (
            <p data-testid="decision-not-before">
              The review will not be decided before{" "}
              <DateTime date={answerUntil} timeZone={actor.timeZone} /> unless you answer sooner.
            </p>
          ) : null}
        </section>
      )}

      <section aria-labelledby="your-answer" className="space-y-2">
        <h2 id="your-answer" className="text-lg font-semibold">
          Answering before the decision
        </h2>
        {review.colleagueAnswer && review.answeredAt ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">
              You answered <DateTime date={review.answeredAt} timeZone={actor.timeZone} />.
            </p>
            <p className="mt-1 whitespace-pre-wrap break-words" data-testid="your-answer">
              {review.colleagueAnswer}
            </p>
          </div>
        ) : decided ? (
          <p className="text-slate-700">You did not answer before the decision.</p>
        ) : (
          <AnswerReviewForm reviewId={review.id} />
        )}
      </section>

      {decided && review.outcome ? (
        <section
          aria-labelledby="outcome"
          className="rounded-lg border border-slate-200 bg-white p-4"
          data-testid="review-outcome"
        >
          <h2 id="outcome" className="text-lg font-semibold">
            Decided by the compliance team
          </h2>
          {review.decidedAt ? (
            <p className="text-sm text-slate-600">
              <DateTime date={review.decidedAt} timeZone={actor.timeZone} />
            </p>
          ) : null}
          <p className="mt-1">
            Outcome: <strong>{OUTCOME_LABELS[review.outcome]}</strong>
            {review.externalAuthority ? ` (${review.externalAuthority})` : ""}.
          </p>
          {review.outcomeSummary ? (
            <>
              <h3 className="mt-3 font-medium">What the compliance team says</h3>
              <p className="mt-1 whitespace-pre-wrap break-words">{review.outcomeSummary}</p>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
