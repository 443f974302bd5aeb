import { NextDeadline } from "@/components/concerns/next-deadline";
import type { ConcernDetail } from "@/lib/queries/concerns";
import { AssignCaseForm, ClaimCaseForm, ReleaseCaseForm } from "./case-forms";

/** Who holds the case, its service-level clocks, and taking it on or handing it over. */
export function HandlingSection({
  concern,
  viewerId,
  officers,
  now,
  timeZone,
}: {
  concern: ConcernDetail;
  viewerId: string;
  officers: { id: string; name: string }[];
  now: Date;
  timeZone: string;
}) {
  const heldByMe = concern.state === "in_review" && concern.assigneeId === viewerId;
  const inCompliance = concern.state === "escalated" || concern.state === "in_review";
  return (
    <section aria-labelledby="handling" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="handling" className="text-lg font-semibold">
        Handling
      </h2>
      <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Assigned to</dt>
        <dd data-testid="assignee">
          {concern.assigneeName
            ? concern.assigneeId === viewerId
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
                <NextDeadline due={concern.triageDueAt} now={now} timeZone={timeZone} />
              )}
            </dd>
            <dt className="font-medium">Decision due</dt>
            <dd>
              <NextDeadline due={concern.decisionDueAt} now={now} timeZone={timeZone} />
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
  );
}
