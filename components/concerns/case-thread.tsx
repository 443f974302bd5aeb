import Link from "next/link";
import type { ReactNode } from "react";
import { DateTime } from "@/components/ui/date-time";
import type { ThreadItem } from "@/lib/domain/case-thread";

/**
 * The case as one conversation: the colleagues' messages and their responses, oldest
 * first, the newest page only unless the reader asks for the earlier ones. Below it the
 * form to write (or the sentence why the thread is closed); officers read it only.
 */
export function CaseThread({
  items,
  earlier,
  showEarlierHref,
  timeZone,
  intro,
  footer,
  reportFormFor,
}: {
  items: ThreadItem[];
  earlier: number;
  showEarlierHref: string;
  timeZone: string;
  intro: string;
  /** The message form, or the sentence why the thread is read-only. */
  footer: ReactNode;
  /** The report form for one message, where the reader may report it. */
  reportFormFor?: (messageId: number) => ReactNode;
}) {
  return (
    <section aria-labelledby="thread-heading" id="thread" className="space-y-3">
      <h2 id="thread-heading" className="text-lg font-semibold">
        Conversation
      </h2>
      <p className="text-sm text-slate-700">{intro}</p>
      {earlier > 0 ? (
        <p>
          <Link href={showEarlierHref} className="text-sm text-brand-700 underline">
            Show {earlier} earlier {earlier === 1 ? "entry" : "entries"}
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? <p className="text-sm">No messages yet.</p> : null}
      <ol className="space-y-3" aria-label="Messages and responses">
        {items.map((item) => (
          <li
            key={item.key}
            data-testid={item.message ? "thread-message" : "thread-response"}
            className={`rounded-lg border p-3 text-sm ${
              item.message ? "border-slate-200 bg-white" : "border-slate-200 bg-slate-50"
            } ${item.who === "You" ? "sm:ml-8" : "sm:mr-8"}`}
          >
            <p className="text-slate-600">
              <span className="font-medium text-slate-900">{item.who}</span> ·{" "}
              <DateTime date={item.at} timeZone={timeZone} />
            </p>
            {item.label ? <p className="font-medium">{item.label}</p> : null}
            {item.texts.map((text, index) => (
              <p key={text.label ?? index} className="mt-1 whitespace-pre-wrap break-words">
                {text.label ? <span className="font-medium">{text.label}: </span> : null}
                {text.text}
              </p>
            ))}
            {item.message?.reports.map((report, index) => (
              <p
                // Reports of one message are listed once each, in the order read.
                // biome-ignore lint/suspicious/noArrayIndexKey: a report has no other key here.
                key={index}
                className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1"
              >
                Reported as abusive by {report.by}
                {report.reason ? `: ${report.reason}` : "."}
              </p>
            ))}
            {item.message?.reportedByReader ? (
              <p className="mt-2 text-slate-700">
                You reported this message to the compliance team.
              </p>
            ) : item.message?.reportable && reportFormFor ? (
              reportFormFor(item.message.id)
            ) : null}
          </li>
        ))}
      </ol>
      {footer}
    </section>
  );
}
