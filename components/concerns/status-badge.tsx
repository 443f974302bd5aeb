import type { ConcernState } from "@/lib/domain/concern-workflow";
import { stateLabel, type Viewer } from "@/lib/domain/reader-words";

const TONES: Partial<Record<ConcernState, string>> = {
  awaiting_response: "bg-amber-100 text-amber-900",
  remediation_reported: "bg-sky-100 text-sky-900",
  disputed: "bg-purple-100 text-purple-900",
  escalated: "bg-red-100 text-red-900",
};

/** The state in the words of whoever reads it: "Awaiting your response" to the colleague. */
export function StatusBadge({ state, viewer }: { state: ConcernState; viewer: Viewer }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONES[state] ?? "bg-slate-200 text-slate-800"}`}
    >
      {stateLabel(state, viewer)}
    </span>
  );
}
