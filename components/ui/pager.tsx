import Link from "next/link";

export interface PagerLink {
  href: string;
  /** What the link leads to, for everyone: "Newer concerns", "Older notifications". */
  label: string;
}

const LINK =
  "inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-brand-700 underline";

/**
 * The links between the pages of a long list: plain links (they work without JavaScript),
 * large enough to tap, wrapping on a narrow screen. `summary` says where the page is in the
 * list ("Showing 26–50 of 200 concerns") where the count is known.
 */
export function Pager({
  label,
  summary,
  newer,
  older,
}: {
  /** Names the navigation landmark: "Pages of your concerns". */
  label: string;
  summary?: string;
  newer: PagerLink | null;
  older: PagerLink | null;
}) {
  if (!newer && !older && !summary) return null;
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      {summary ? (
        <p className="w-full text-slate-700" data-testid="page-summary">
          {summary}
        </p>
      ) : null}
      {newer ? (
        <Link href={newer.href} className={LINK} rel="prev">
          <span aria-hidden="true">←&nbsp;</span>
          {newer.label}
        </Link>
      ) : null}
      {older ? (
        <Link href={older.href} className={LINK} rel="next">
          {older.label}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : null}
    </nav>
  );
}

/** The sentence shown when a page link could not be followed, so the first page is shown. */
export function PageLinkNotice({
  malformed,
  restarted,
}: {
  malformed: boolean;
  restarted: boolean;
}) {
  if (!malformed && !restarted) return null;
  return (
    <p role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      {malformed
        ? "That page link is not valid, so you are on the first page."
        : "That page link no longer leads anywhere, so you are on the first page."}
    </p>
  );
}

/** "Showing 26–50 of 200 concerns", or the count alone when it fits on one page. */
export function pageSummary(
  firstShown: number,
  shown: number,
  total: number,
  noun: { one: string; many: string },
): string {
  const of = `${total.toLocaleString("en-GB")} ${total === 1 ? noun.one : noun.many}`;
  if (shown === 0) return "";
  if (shown >= total) return `${of}.`;
  return `Showing ${firstShown.toLocaleString("en-GB")}–${(firstShown + shown - 1).toLocaleString("en-GB")} of ${of}.`;
}
