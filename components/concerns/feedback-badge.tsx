import { FEEDBACK_DUE_DAYS, type FeedbackClock } from "@/lib/domain/feedback-clock";

const STYLES = {
  warning: "bg-amber-100 text-amber-900 border border-amber-400",
  urgent: "bg-orange-700 text-white",
  overdue: "bg-red-700 text-white",
} as const;

/**
 * The three-month feedback clock of an escalated case, once it needs attention: from 60
 * days after escalation. The words carry the meaning; the colour only repeats it.
 */
export function FeedbackBadge({ clock }: { clock: FeedbackClock | null }) {
  if (!clock || clock.level === "on_track") return null;
  const text =
    clock.level === "overdue"
      ? `Feedback overdue: ${clock.daysElapsed} days since escalation`
      : `Feedback due in ${FEEDBACK_DUE_DAYS - clock.daysElapsed} days (${clock.daysElapsed} days since escalation)`;
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STYLES[clock.level]}`}
    >
      {text}
    </span>
  );
}
