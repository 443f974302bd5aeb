import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/authz/current-actor";
import { caseLinkFor, describeNotification } from "@/lib/notifications/describe-notification";
import { listNotifications } from "@/lib/queries/notifications";

export const metadata: Metadata = { title: "Notifications · Peer Concerns" };

export default async function NotificationsPage() {
  const actor = await requireActor();
  const items = await listNotifications(getDb(), actor);
  return (
    <section>
      <h1 className="text-2xl font-bold">Notifications</h1>
      {items.length === 0 ? (
        <p className="mt-4 text-slate-700">Nothing yet.</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id} className="px-4 py-3">
              <Link
                href={caseLinkFor(item.relation, item.concernId)}
                className={`text-brand-700 underline ${item.readAt ? "" : "font-bold"}`}
              >
                {describeNotification(item.kind, item.relation)}
              </Link>
              <p className="text-sm text-slate-600">
                {item.readAt ? "" : "Unread · "}
                <DateTime date={item.createdAt} timeZone={actor.timeZone} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
