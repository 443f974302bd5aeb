import type { Metadata } from "next";
import Link from "next/link";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { StatusBadge } from "@/components/concerns/status-badge";
import { PageLinkNotice, Pager, pageSummary } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { describeRaisedBy } from "@/lib/domain/concern-channels";
import { patternReviewStateLabel } from "@/lib/domain/pattern-review";
import { deadlineFor } from "@/lib/domain/waiting-on";
import { listNoticesAbout } from "@/lib/queries/concerns";
import { readPageRequest } from "@/lib/queries/keyset-page";
import { listOwnPatternReviews } from "@/lib/queries/pattern-reviews";

export const metadata: Metadata = { title: "Notices about my posts · Peer Concerns" };

export default async function NoticesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("notices:respond");
  const { request, malformed } = readPageRequest(await searchParams, "uuid");
  const [page, reviews] = await Promise.all([
    listNoticesAbout(getDb(), actor, request),
    listOwnPatternReviews(getDb(), actor),
  ]);
  const notices = page.rows;
  const now = new Date();
  return (
    <section>
      <h1 className="text-2xl font-bold">Notices about my posts</h1>
      <p className="mt-1 text-slate-700">
        Concerns colleagues raised with you about your online posts.
      </p>
      <PageLinkNotice malformed={malformed} restarted={page.restarted} />
      {reviews.length > 0 ? (
        <section aria-labelledby="reviews" className="mt-4">
          <h2 id="reviews" className="text-lg font-semibold">
            Reviews of several concerns
          </h2>
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {reviews.map((review) => (
              <li key={review.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <Link href={`/notices/reviews/${review.id}`} className="text-brand-700 underline">
                  {review.reference}: a review of several concerns about your posts
                </Link>
                <span className="text-sm text-slate-700">
                  {patternReviewStateLabel(review.state, "subject")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notices.length === 0 ? (
        <p className="mt-6 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
          No colleague has raised a concern about your posts.
        </p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {notices.map((notice) => (
            <li key={notice.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              {notice.noticeOpenedAt ? null : (
                <span className="rounded bg-brand-600 px-2 py-0.5 text-xs font-bold text-white">
                  New
                </span>
              )}
              <Link
                href={`/notices/${notice.id}`}
                className={`text-brand-700 underline ${notice.noticeOpenedAt ? "" : "font-bold"}`}
              >
                {notice.reference}:{" "}
                {notice.reporterCount > 1
                  ? `raised by ${notice.reporterCount} colleagues`
                  : notice.channel === "web"
                    ? `raised by ${notice.reporterName ?? "a colleague"}`
                    : describeRaisedBy(notice.channel, notice.reporterName).text}
              </Link>
              <StatusBadge state={notice.state} viewer="subject" />
              <span className="text-sm text-slate-700">
                Deadline:{" "}
                <NextDeadline
                  due={deadlineFor("subject", notice)}
                  now={now}
                  timeZone={actor.timeZone}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
      <Pager
        label="Pages of the notices about your posts"
        summary={pageSummary(page.firstShown, notices.length, page.total, {
          one: "notice",
          many: "notices",
        })}
        newer={page.newer ? { href: `/notices?newer=${page.newer}`, label: "Newer notices" } : null}
        older={page.older ? { href: `/notices?older=${page.older}`, label: "Older notices" } : null}
      />
    </section>
  );
}
