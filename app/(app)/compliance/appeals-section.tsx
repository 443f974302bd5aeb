import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { OpenAppeal } from "@/lib/queries/appeals";

/**
 * Appeals waiting for an officer or being considered, oldest first. The officer whose
 * decision is appealed sees it too, with why someone else must take it.
 */
export function AppealsSection({ appeals, timeZone }: { appeals: OpenAppeal[]; timeZone: string }) {
  return (
    <section aria-labelledby="appeals-heading" id="appeals" className="space-y-3">
      <h2 id="appeals-heading" className="text-lg font-semibold">
        Appeals waiting
      </h2>
      {appeals.length === 0 ? (
        <p className="text-sm text-slate-700">No decision is under appeal.</p>
      ) : (
        <ul className="space-y-3">
          {appeals.map((appeal) => (
            <li
              key={appeal.concernId}
              className="rounded-lg border border-amber-300 bg-white p-3 text-sm"
              data-testid="open-appeal"
            >
              <p>
                <Link
                  href={`/compliance/cases/${appeal.concernId}`}
                  className="font-medium text-brand-700 underline"
                >
                  {appeal.reference}
                </Link>
                {`: ${appeal.subjectName} appealed on `}
                <DateTime date={appeal.filedAt} timeZone={timeZone} />.{" "}
                {appeal.status === "taken"
                  ? `Taken by ${appeal.takerName ?? "an officer"}.`
                  : "Waiting for an officer to take it."}
              </p>
              {appeal.status === "filed" && !appeal.mayTake.ok ? (
                <p className="mt-1 text-slate-700">{appeal.mayTake.message}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
