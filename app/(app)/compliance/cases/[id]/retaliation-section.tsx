import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { RetaliationLink } from "@/lib/queries/retaliation";

/**
 * The retaliation watch, for officers only: this concern and another between the same two
 * people the other way round. Shown only when there is something to weigh.
 */
export function RetaliationSection({
  links,
  reporterName,
  subjectName,
  timeZone,
}: {
  links: RetaliationLink[];
  reporterName: string;
  subjectName: string;
  timeZone: string;
}) {
  if (links.length === 0) return null;
  return (
    <section
      aria-labelledby="retaliation"
      className="rounded-lg border-2 border-red-300 bg-red-50 p-4"
      data-testid="retaliation-mark"
    >
      <h2 id="retaliation" className="text-lg font-semibold text-red-900">
        Possible retaliation
      </h2>
      <p className="mt-1 text-sm">Weigh this before deciding. The parties never see this mark.</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {links.map((other) => (
          <li key={other.id}>
            {subjectName} {other.link === "answers" ? "had raised" : "then raised"}{" "}
            <CaseReference other={other} /> about {reporterName} on{" "}
            <DateTime date={other.createdAt} timeZone={timeZone} />
            {other.link === "answers" ? ", before this concern." : ", after this concern."}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseReference({ other }: { other: RetaliationLink }) {
  // Only a case that reached compliance is an officer's to open.
  return other.escalatedAt ? (
    <Link href={`/compliance/cases/${other.id}`} className="text-brand-700 underline">
      {other.reference}
    </Link>
  ) : (
    <span className="font-medium">{other.reference}</span>
  );
}
