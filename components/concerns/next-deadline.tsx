import { describeTimeLeft } from "@/lib/domain/deadlines";

/** The date in full for the record, and the time left in words for a glance. */
export function NextDeadline({ due, now }: { due: Date | null; now: Date }) {
  if (!due) return <span className="text-slate-500">—</span>;
  return (
    <span>
      <time dateTime={due.toISOString()}>{formatDateTime(due)}</time>{" "}
      <span className="text-slate-600">({describeTimeLeft(due, now)})</span>
    </span>
  );
}

export function formatDateTime(date: Date): string {
  return (
    date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) +
    " UTC"
  );
}
