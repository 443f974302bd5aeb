import { ReportersList } from "@/components/concerns/case-reporters";
import { describeSourceForOfficers } from "@/lib/domain/concern-channels";
import type { CaseReporter } from "@/lib/queries/case-reporters";
import type { ConcernDetail } from "@/lib/queries/concerns";

export function PartiesSection({
  concern,
  reporters,
  timeZone,
}: {
  concern: ConcernDetail;
  reporters: readonly CaseReporter[];
  timeZone: string;
}) {
  const { raisedBy, arrived } = describeSourceForOfficers(concern);
  // The recording officer stands in for an anonymous or outside source: say whom for.
  const standsIn = concern.channel !== "web" && concern.recordedById === concern.reporterId;
  return (
    <section aria-labelledby="parties" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="parties" className="text-lg font-semibold">
        Parties
      </h2>
      <p className="text-sm text-slate-600">
        Your opening of this file, which shows who raised the concern, is recorded in its access
        log.
      </p>
      <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">
          {reporters.length > 1 ? `Raised by ${reporters.length} colleagues` : "Raised by"}
        </dt>
        <dd>
          <ReportersList
            reporters={reporters}
            caseSeverity={concern.severity}
            timeZone={timeZone}
          />
        </dd>
        {standsIn ? (
          <>
            <dt className="font-medium">Source</dt>
            <dd className="break-words">{raisedBy}</dd>
          </>
        ) : null}
        {arrived ? (
          <>
            <dt className="font-medium">How it arrived</dt>
            <dd className="break-words">{arrived}</dd>
          </>
        ) : null}
        <dt className="font-medium">Colleague concerned</dt>
        <dd>{concern.subjectName}</dd>
      </dl>
    </section>
  );
}
