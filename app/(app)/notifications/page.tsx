import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/concerns/next-deadline";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import {
  describeNotification,
  notificationLinkFor,
} from "@/lib/notifications/describe-notification";
import { listNotifications } from "@/lib/queries/notifications";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";

export const metadata: Metadata = { title: "Notifications · Peer Concerns" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const db = getDb();
  const items = await listNotifications(db, actor);
  // An alert about no case has no page of its own: shown here, it has been read.
  await markNotificationsRead(db, actor, null);
  return (
    <section>
      <h1 className="text-2xl font-bold">Notifications</h1>
      {items.length === 0 ? (
        <p className="mt-4 text-slate-700">Nothing yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => {
            const href = notificationLinkFor(item.relation, item.concernId);
            const text = describeNotification(item.kind, item.relation);
            return (
              <li key={item.id} className="px-4 py-3">
                {/* An alert about no case is read here, in full: it has nowhere to lead. */}
                {href ? (
                  <Link
                    href={href}
                    className={`text-brand-700 underline ${item.readAt ? "" : "font-bold"}`}
                  >
                    {text}
                  </Link>
                ) : (
                  <p className={item.readAt ? "" : "font-bold"}>{text}</p>
                )}
                <p className="text-sm text-slate-600">
                  {item.readAt ? "" : "Unread · "}
                  {formatDateTime(item.createdAt)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
