import { DateTime } from "@/components/ui/date-time";
import { appealStatusInSentence } from "@/lib/domain/appeal";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import type { OfficerAppeal } from "@/lib/queries/appeals";
import { DecideAppealForm, TakeAppealForm } from "./appeal-forms";

/**
 * The colleague's appeal of the decision: their explanation, who decided, who took it, and
 * for this officer, taking or deciding it, or why they may not.
 */
export function AppealSection({
  concernId,
  appeal,
  viewerId,
  timeZone,
}: {
  concernId: string;
  appeal: OfficerAppeal;
  viewerId: string;
  timeZone: string;
}) {
  const takenByMe = appeal.status === "taken" && appeal.takenById === viewerId;
  return (
    <section
      aria-labelledby="appeal"
      className="space-y-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-4"
      data-testid="appeal-section"
    >
      <h2 id="appeal" className="text-lg font-semibold">
        Appeal by the colleague: {appealStatusInSentence(appeal.status)}
      </h2>
      <p className="text-sm">
        Filed on <DateTime date={appeal.filedAt} timeZone={timeZone} /> against the outcome{" "}
        <strong>{OUTCOME_LABELS[appeal.appealedOutcome]}</strong>, decided by{" "}
        {appeal.decidedById === viewerId ? "you" : (appeal.deciderName ?? "an officer")}.
        {appeal.takerName && appeal.takenAt ? (
          <>
            {" "}
            Taken by {appeal.takenById === viewerId ? "you" : appeal.takerName} on{" "}
            <DateTime date={appeal.takenAt} timeZone={timeZone} />.
          </>
        ) : null}
      </p>
      <blockquote className="whitespace-pre-wrap break-words border-l-4 border-amber-500 pl-3">
        {appeal.explanation}
      </blockquote>
      {appeal.resultingOutcome && appeal.decidedAt ? (
        <div>
          <p>
            {appeal.status === "upheld" ? "Outcome changed to " : "The outcome stays "}
            <strong>{OUTCOME_LABELS[appeal.resultingOutcome]}</strong> on{" "}
            <DateTime date={appeal.decidedAt} timeZone={timeZone} />.
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{appeal.rationale}</p>
        </div>
      ) : null}
      {appeal.status === "filed" ? (
        appeal.mayTake.ok ? (
          <TakeAppealForm concernId={concernId} />
        ) : (
          <p className="font-medium" data-testid="appeal-not-yours">
            {appeal.mayTake.message}
          </p>
        )
      ) : null}
      {takenByMe ? <DecideAppealForm concernId={concernId} /> : null}
    </section>
  );
}
