const LABELS = { triage: "Overdue: not yet claimed", decision: "Overdue: decision" } as const;

/** Which compliance clock has run out, in words and colour (the words carry the meaning). */
export function OverdueBadge({ clock }: { clock: "triage" | "decision" | null }) {
  if (!clock) return null;
  return (
    <span className="inline-block rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white">
      {LABELS[clock]}
    </span>
  );
}
