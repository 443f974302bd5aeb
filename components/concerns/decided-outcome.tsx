import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import type { CaseOutcome } from "@/lib/domain/concern-workflow";

/** Outcomes by which the compliance team acted on the concern, as AMA Code 9.4.2 asks the reporter be told. */
const ACTION_TAKEN: ReadonlySet<CaseOutcome> = new Set([
  "coaching",
  "formal_action",
  "referred_external",
]);

/**
 * What came of a decided case, for either party: the outcome and the officers' summary for
 * the parties, never their internal rationale.
 */
export function DecidedOutcome({
  outcome,
  summary,
  view,
}: {
  outcome: CaseOutcome;
  summary: string | null;
  view: "reporter" | "subject";
}) {
  const taken = ACTION_TAKEN.has(outcome);
  return (
    <section
      aria-labelledby="outcome"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="case-outcome"
    >
      <h2 id="outcome" className="text-lg font-semibold">
        Decided by the compliance team
      </h2>
      <p className="mt-1">
        Outcome: <strong>{OUTCOME_LABELS[outcome]}</strong>.{" "}
        {view === "reporter"
          ? taken
            ? "The compliance team took action on your concern."
            : "The compliance team found no violation of the policy."
          : taken
            ? "The compliance team decided to act on this concern about your post."
            : "The compliance team found no violation of the policy in your post."}
      </p>
      {summary ? (
        <>
          <h3 className="mt-3 font-medium">What the compliance team says</h3>
          <p className="mt-1 whitespace-pre-wrap break-words">{summary}</p>
        </>
      ) : null}
    </section>
  );
}
