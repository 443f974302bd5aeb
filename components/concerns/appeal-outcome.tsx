import { DateTime } from "@/components/ui/date-time";
import type { AppealStatus } from "@/lib/domain/appeal";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import type { PartyAppeal } from "@/lib/queries/appeals";

const WAITING: Readonly<Record<"reporter" | "subject", string>> = {
  subject:
    "A compliance officer other than the one who decided will consider it. You will be told the result.",
  reporter:
    "Your colleague appealed the compliance team's decision. A compliance officer other than the one who decided will consider it, and you will be told the result.",
};

const HEADINGS: Readonly<Record<AppealStatus, string>> = {
  filed: "Appeal waiting for an officer",
  taken: "Appeal being considered",
  upheld: "Appeal upheld: the outcome was changed",
  dismissed: "Appeal dismissed: the decision stands",
};

/** Where an appeal of the decision stands, for either party; never the officers' reasons. */
export function AppealOutcome({
  appeal,
  view,
  timeZone,
}: {
  appeal: PartyAppeal;
  view: "reporter" | "subject";
  timeZone: string;
}) {
  return (
    <section
      aria-labelledby="appeal"
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="appeal-outcome"
    >
      <h2 id="appeal" className="text-lg font-semibold">
        {HEADINGS[appeal.status]}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {view === "subject" ? "You appealed" : "Appealed"} on{" "}
        <DateTime date={appeal.filedAt} timeZone={timeZone} />.
      </p>
      {appeal.status === "filed" || appeal.status === "taken" ? (
        <p className="mt-1">{WAITING[view]}</p>
      ) : (
        <>
          <p className="mt-1">
            {appeal.status === "upheld" && appeal.resultingOutcome ? (
              <>
                The outcome changed from <strong>{OUTCOME_LABELS[appeal.appealedOutcome]}</strong>{" "}
                to <strong>{OUTCOME_LABELS[appeal.resultingOutcome]}</strong>
              </>
            ) : (
              <>
                The outcome remains <strong>{OUTCOME_LABELS[appeal.appealedOutcome]}</strong>
              </>
            )}
            {appeal.decidedAt ? (
              <>
                {", decided on "}
                <DateTime date={appeal.decidedAt} timeZone={timeZone} />
              </>
            ) : null}
            .
          </p>
          {/* Upheld, the summary is the case's own, shown with the outcome above. */}
          {appeal.status === "dismissed" && appeal.partySummary ? (
            <>
              <h3 className="mt-3 font-medium">What the compliance team says about the appeal</h3>
              <p className="mt-1 whitespace-pre-wrap break-words">{appeal.partySummary}</p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
