import Link from "next/link";
import type { ReactNode } from "react";
import { DateTime } from "@/components/ui/date-time";
import type { ThreadItem } from "@/lib/domain/case-thread";

const PAGE_LINK =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-brand-700 underline";

/**
 * The case as one conversation: the colleagues' messages and their responses, oldest
 * first, the latest messages unless the reader asks for earlier ones, a page at a time.
 * Below it the form to write (or the sentence why the thread is closed); officers read it
 * only. The links between pages are plain links, so they work without JavaScript.
 */
export function CaseThread({
  items,
  path,
  earlier,
  later,
  restarted,
  timeZone,
  intro,
  footer,
  reportFormFor,
}: {
  items: ThreadItem[];
  /** The case page the thread is on; its pages are this path with the position. */
  path: string;
  /** Positions of the pages of earlier and later messages, when there are any. */
  earlier: string | null;
  later: string | null;
  /** A thread page link that led nowhere: the latest messages are shown instead. */
  restarted: boolean;
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
      {restarted ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          That link to earlier messages no longer leads anywhere, so the latest are shown.
        </p>
      ) : null}
      {earlier ? (
        <p>
          <Link href={`${path}?thread_older=${earlier}#thread`} className={PAGE_LINK}>
            Show earlier messages
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
      {later ? (
        <nav aria-label="Later messages" className="flex flex-wrap gap-3">
          <Link href={`${path}?thread_newer=${later}#thread`} className={PAGE_LINK}>
            Show later messages
          </Link>
          <Link href={`${path}#thread`} className={PAGE_LINK}>
            Show the latest messages
          </Link>
        </nav>
      ) : null}
      {footer}
    </section>
  );
}
