import { telHref } from "@/lib/domain/notice-words";
import type { SupportProgramme } from "@/lib/queries/workflow-settings";

/**
 * The organisation's physician health or wellbeing programme, as Settings names it. Shown
 * only when an administrator has set a link or a phone number; nothing otherwise.
 */
export function SupportProgrammeSection({ support }: { support: SupportProgramme }) {
  if (!support.url && !support.phone) return null;
  const name = support.name ?? "Your organisation's physician health programme";
  return (
    <section aria-labelledby="support" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="support" className="text-lg font-semibold">
        Support for you
      </h2>
      <p className="mt-1">
        A concern about your post can be hard to receive. {name} is there for physicians, whatever
        this concern turns out to be.
      </p>
      <ul className="mt-2 space-y-1">
        {support.url ? (
          <li>
            <a
              href={support.url}
              rel="noopener noreferrer"
              target="_blank"
              className="break-all text-brand-700 underline"
            >
              {support.name ?? support.url}
            </a>
          </li>
        ) : null}
        {support.phone ? (
          <li>
            Phone:{" "}
            <a href={telHref(support.phone)} className="text-brand-700 underline">
              {support.phone}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
