import type { Metadata } from "next";
import { formatDateTime } from "@/components/concerns/next-deadline";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { policyOf } from "@/lib/notifications/notification-kinds";
import { listFailedDeliveries } from "@/lib/queries/email";
import { RetryDeliveryForm } from "./retry-form";

export const metadata: Metadata = { title: "Failed emails · Peer Concerns" };

/**
 * Emails that could not be sent after every retry. Administrators see who, what kind,
 * what went wrong and when; never which case or anything in it.
 */
export default async function FailedEmailsPage() {
  await requirePermission("users:manage");
  const failed = await listFailedDeliveries(getDb());
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Failed emails</h1>
      <p className="max-w-2xl text-slate-700">
        Emails the mail server did not accept after every retry (12 attempts over about eight
        hours). The notification is still in the recipient's app. Fix the cause (often the mail
        server or the address), then retry.
      </p>
      {failed.length === 0 ? (
        <p className="text-slate-700">No failed emails.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  Recipient
                </th>
                <th scope="col" className="py-2 pr-4">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-4">
                  Error
                </th>
                <th scope="col" className="py-2 pr-4">
                  Attempts
                </th>
                <th scope="col" className="py-2 pr-4">
                  Created
                </th>
                <th scope="col" className="py-2 pr-4">
                  Failed
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {failed.map((delivery) => (
                <tr key={delivery.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">
                    {delivery.recipientName}
                    <br />
                    <span className="text-slate-600">{delivery.recipientEmail}</span>
                  </td>
                  <td className="py-2 pr-4">{policyOf(delivery.kind).label}</td>
                  <td className="max-w-xs break-words py-2 pr-4">{delivery.lastError}</td>
                  <td className="py-2 pr-4">{delivery.attempts}</td>
                  <td className="py-2 pr-4">{formatDateTime(delivery.createdAt)}</td>
                  <td className="py-2 pr-4">
                    {delivery.failedAt ? formatDateTime(delivery.failedAt) : ""}
                  </td>
                  <td className="py-2">
                    <RetryDeliveryForm
                      deliveryId={delivery.id}
                      label={`Retry the email to ${delivery.recipientEmail}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
