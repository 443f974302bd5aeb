import { DateTime } from "@/components/ui/date-time";
import type { CaseAccess } from "@/lib/queries/case-file";

/** Every officer who opened or exported this file: how often, and when last. */
export function AccessLogSection({
  access,
  viewerId,
  timeZone,
}: {
  access: CaseAccess[];
  viewerId: string;
  timeZone: string;
}) {
  return (
    <section aria-labelledby="access" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="access" className="text-lg font-semibold">
        Access log
      </h2>
      <p className="text-sm text-slate-600">
        Who has opened this file, which shows who raised the concern, and who exported it.
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {access.map((entry) => (
          <li key={entry.officerId}>
            <span className="font-medium">
              {entry.officerId === viewerId ? `You (${entry.name})` : entry.name}
            </span>
            : opened {times(entry.openings)}
            {entry.exports ? `, exported ${times(entry.exports)}` : ""}; last{" "}
            <DateTime date={entry.lastAt} timeZone={timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function times(count: number): string {
  return count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
}
