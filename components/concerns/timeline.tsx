import { DateTime } from "@/components/ui/date-time";
import type { TimelineEntry } from "@/lib/audit/timeline";

/** The case's history, as its reader may see it, oldest first. */
export function Timeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history" className="mb-3 text-lg font-semibold">
        Timeline
      </h2>
      <ol className="space-y-4 border-l-2 border-slate-200 pl-4" aria-label="Case history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <p className="text-sm text-slate-600">
              <DateTime date={entry.at} timeZone={timeZone} /> · {entry.who}
            </p>
            <p className="font-medium">{entry.label}</p>
            {entry.summary ? <p className="text-sm">{entry.summary}</p> : null}
            {entry.quotes.map((quote) => (
              <p key={quote.label} className="mt-1 whitespace-pre-wrap break-words text-sm">
                <span className="font-medium">{quote.label}: </span>
                {quote.text}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
