import type { TimelineEntry } from "@/lib/queries/concerns";
import { OUTCOME_LABELS, REMEDIATION_LABELS, TIMELINE_LABELS } from "./case-labels";
import { formatDateTime } from "./next-deadline";

// The parties' own words, shown under the event they belong to.
const QUOTED_DETAILS = [
  ["note", "Note"],
  ["explanation", "Explanation"],
  ["reason", "Reason"],
  ["rationale", "Rationale"],
  ["externalAuthority", "Referred to"],
  ["question", "Question"],
  ["answer", "Answer"],
] as const;

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4" aria-label="Case history">
      {entries.map((entry) => (
        <li key={entry.id}>
          <p className="text-sm text-slate-600">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time> · {entry.who}
          </p>
          <p className="font-medium">{TIMELINE_LABELS[entry.action] ?? entry.action}</p>
          {typeof entry.details.action === "string" &&
          entry.details.action in REMEDIATION_LABELS ? (
            <p className="text-sm">
              {REMEDIATION_LABELS[entry.details.action as keyof typeof REMEDIATION_LABELS]}
            </p>
          ) : null}
          {typeof entry.details.outcome === "string" && entry.details.outcome in OUTCOME_LABELS ? (
            <p className="text-sm">
              Outcome: {OUTCOME_LABELS[entry.details.outcome as keyof typeof OUTCOME_LABELS]}
            </p>
          ) : null}
          {QUOTED_DETAILS.map(([key, label]) =>
            typeof entry.details[key] === "string" && entry.details[key] ? (
              <p key={key} className="mt-1 whitespace-pre-wrap break-words text-sm">
                <span className="font-medium">{label}: </span>
                {entry.details[key] as string}
              </p>
            ) : null,
          )}
        </li>
      ))}
    </ol>
  );
}
