import { DateTime } from "@/components/ui/date-time";
import { describeTimeLeft } from "@/lib/domain/deadlines";

/** The date in full for the record, and the time left in words for a glance. */
export function NextDeadline({
  due,
  now,
  timeZone,
}: {
  due: Date | null;
  now: Date;
  timeZone: string;
}) {
  if (!due) return <span className="text-slate-500">—</span>;
  return (
    <span>
      <DateTime date={due} timeZone={timeZone} />{" "}
      <span className="text-slate-600">({describeTimeLeft(due, now)})</span>
    </span>
  );
}
