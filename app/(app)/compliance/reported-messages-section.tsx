import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { ReportedMessage } from "@/lib/queries/case-thread";

/**
 * Messages a party reported as abusive, newest first: the officers of the case's
 * department were alerted, and here any officer reads the message and the reason, even
 * before the case reaches the queue. Escalated cases link to their file.
 */
export function ReportedMessagesSection({
  reports,
  timeZone,
}: {
  reports: ReportedMessage[];
  timeZone: string;
}) {
  return (
    <section
      aria-labelledby="reported-messages-heading"
      id="reported-messages"
      className="space-y-3"
    >
      <h2 id="reported-messages-heading" className="text-lg font-semibold">
        Messages reported as abusive
      </h2>
      {reports.length === 0 ? (
        <p className="text-sm text-slate-700">No message has been reported.</p>
      ) : (
        <ul className="space-y-3">
          {reports.map((report) => (
            <li
              key={report.reportId}
              className="rounded-lg border border-amber-300 bg-white p-3 text-sm"
              data-testid="reported-message"
            >
              <p className="text-slate-600">
                {report.escalated ? (
                  <Link
                    href={`/compliance/cases/${report.concernId}`}
                    className="text-brand-700 underline"
                  >
                    {report.reference}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">
                    {report.reference} (between the colleagues, not escalated)
                  </span>
                )}{" "}
                · reported by {report.reportedByName} on{" "}
                <DateTime date={report.reportedAt} timeZone={timeZone} />
              </p>
              <p className="mt-1">
                <span className="font-medium">{report.senderName} wrote</span> on{" "}
                <DateTime date={report.sentAt} timeZone={timeZone} />:
              </p>
              <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3">
                {report.body}
              </blockquote>
              <p className="mt-1">
                <span className="font-medium">Reason: </span>
                {report.reason ?? "None given."}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
