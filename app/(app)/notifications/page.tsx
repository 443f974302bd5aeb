import type { Metadata } from "next";
import Link from "next/link";
import { NextDeadline } from "@/components/concerns/next-deadline";
import { StatusBadge } from "@/components/concerns/status-badge";
import { DateTime } from "@/components/ui/date-time";
import { PageLinkNotice, Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { describeNeed } from "@/lib/domain/reader-words";
import { neededFrom } from "@/lib/domain/waiting-on";
import {
  caseLinkFor,
  describeCaseFor,
  describeNotification,
  patternReviewLinkFor,
} from "@/lib/notifications/describe-notification";
import { readPageRequest } from "@/lib/queries/keyset-page";
import {
  countUnreadNotifications,
  listAlerts,
  listNotifications,
  type NotificationGroup,
  newestNotificationId,
} from "@/lib/queries/notifications";
import { markAlertsRead } from "@/lib/services/notifications/mark-notifications-read";
import { MarkAllReadForm } from "./mark-all-read-form";

export const metadata: Metadata = { title: "Notifications · Peer Concerns" };

/**
 * What happened on each of the reader's cases, newest first, and what each case needs of
 * them now and by when, a page of cases at a time. Read notifications stay, marked as such.
 */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const { request, malformed } = readPageRequest(await searchParams, "bigint");
  const [page, aboutNoCase, unread, newest] = await Promise.all([
    listNotifications(db, actor, request),
    listAlerts(db, actor),
    countUnreadNotifications(db, actor),
    newestNotificationId(db, actor),
  ]);
  const { groups } = page;
  // Alerts about no case are read here in full, so showing them marks them read.
  if (aboutNoCase.some((alert) => !alert.readAt)) await markAlertsRead(db, actor);
  const alerts = aboutNoCase.filter((alert) => !alert.patternReviewId);
  const reviews = aboutNoCase.filter((alert) => alert.patternReviewId);
  const now = new Date();
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Notifications</h1>
        {newest !== null && groups.length > 0 ? <MarkAllReadForm upTo={newest} /> : null}
      </div>
      <PageLinkNotice malformed={malformed} restarted={page.restarted} />
      {alerts.length > 0 ? (
        <section
          aria-labelledby="alerts"
          className="rounded-lg border-2 border-red-700 bg-red-50 p-4"
        >
          <h2 id="alerts" className="text-lg font-semibold">
            About Peer Concerns itself
          </h2>
          <ul className="mt-2 space-y-2">
            {alerts.map((alert) => (
              <li key={alert.id} data-testid="alert">
                <p className={alert.readAt ? "" : "font-semibold"}>
                  {describeNotification(alert.kind, alert.relation)}
                </p>
                <p className="text-sm text-slate-700">
                  <DateTime date={alert.createdAt} timeZone={actor.timeZone} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {reviews.length > 0 ? (
        <section
          aria-labelledby="pattern-reviews"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="pattern-reviews" className="text-lg font-semibold">
            Reviews of several concerns
          </h2>
          <ul className="mt-2 space-y-2">
            {reviews.map((review) => (
              <li key={review.id} data-testid="pattern-review-notification">
                <p className={review.readAt ? "" : "font-semibold"}>
                  {describeNotification(review.kind, review.relation)}{" "}
                  <Link
                    href={patternReviewLinkFor(review.relation, review.patternReviewId!)}
                    className="font-normal text-brand-700 underline"
                  >
                    Open the review
                  </Link>
                </p>
                <p className="text-sm text-slate-700">
                  <DateTime date={review.createdAt} timeZone={actor.timeZone} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {groups.length === 0 ? (
        <p className="text-slate-700">
          {alerts.length || reviews.length ? "Nothing about any case yet." : "Nothing yet."}
        </p>
      ) : (
        <>
          <p className="text-slate-700">
            {unread === 0 ? "All read." : `${unread} unread.`} Grouped by case, the latest first.
          </p>
          <ol className="space-y-4" aria-label="Cases with notifications">
            {groups.map((group) => (
              <CaseNotifications
                key={group.concernId}
                group={group}
                viewerId={actor.userId}
                now={now}
                timeZone={actor.timeZone}
              />
            ))}
          </ol>
          <Pager
            label="Pages of your notifications"
            newer={
              page.newer
                ? { href: `/notifications?newer=${page.newer}`, label: "Newer notifications" }
                : null
            }
            older={
              page.older
                ? { href: `/notifications?older=${page.older}`, label: "Older notifications" }
                : null
            }
          />
        </>
      )}
    </section>
  );
}

function CaseNotifications({
  group,
  viewerId,
  now,
  timeZone,
}: {
  group: NotificationGroup;
  viewerId: string;
  now: Date;
  timeZone: string;
}) {
  const headingId = `case-${group.concernId}`;
  const need = neededFrom(group.relation, viewerId, group.concern);
  return (
    <li
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4"
      data-testid="notification-group"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        <Link
          href={caseLinkFor(group.relation, group.concernId, group.concern.escalatedAt !== null)}
          className="text-brand-700 underline"
        >
          {group.reference}
        </Link>
        <span className="font-normal text-slate-700"> · {describeCaseFor(group.relation)}</span>
      </h2>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <StatusBadge state={group.concern.state} viewer={group.relation} />
        {need ? (
          <p className="font-medium" data-testid="needed-by">
            {describeNeed(need.need)}{" "}
            <NextDeadline due={need.dueAt} now={now} timeZone={timeZone} />
          </p>
        ) : (
          <p className="text-slate-600">Nothing is needed from you now.</p>
        )}
      </div>
      <ul className="mt-3 space-y-2 border-t border-slate-200 pt-3">
        {group.notifications.map((notification) => (
          <li key={notification.id} data-testid="notification">
            <p className={notification.readAt ? "" : "font-semibold"}>
              {notification.readAt ? null : (
                <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs font-bold text-white">
                  Unread
                </span>
              )}
              {describeNotification(notification.kind, group.relation)}
            </p>
            <p className="text-sm text-slate-600">
              <DateTime date={notification.createdAt} timeZone={timeZone} />
            </p>
          </li>
        ))}
      </ul>
      {group.earlier > 0 ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="earlier-of-case">
          {group.earlier} earlier notification{group.earlier === 1 ? "" : "s"} about this case: its
          page has the whole history.
        </p>
      ) : null}
    </li>
  );
}
