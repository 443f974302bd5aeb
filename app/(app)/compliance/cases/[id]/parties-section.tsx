import { describeSourceForOfficers } from "@/lib/domain/concern-channels";
import type { ConcernDetail } from "@/lib/queries/concerns";

export function PartiesSection({ concern }: { concern: ConcernDetail }) {
  const { raisedBy, arrived } = describeSourceForOfficers(concern);
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
        <dt className="font-medium">Raised by</dt>
        <dd className="break-words">
          {raisedBy} ·{" "}
          {concern.disclosure === "named"
            ? "named to the colleague"
            : "confidential to the colleague"}
        </dd>
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
