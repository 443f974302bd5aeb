import type { Metadata } from "next";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/authz/current-actor";
import { listFailedDeliveries } from "@/lib/queries/email";
import { RetryDeliveryForm } from "./retry-form";

export const metadata: Metadata = { title: "Failed emails · Peer Concerns" };

/**
 * Emails that could not be sent after every retry. Administrators see who, what went wrong
 * and when; never which case, what kind of email or anything in it, so two rows cannot be
 * read together as a reporter and the colleague they raised a concern about.
 */
export default async function FailedEmailsPage() {
  const actor = await requirePermission("users:manage");
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
        <Table
          caption="Emails that could not be sent"
          rows={failed}
          rowKey={(delivery) => delivery.id}
          columns={[
            {
              header: "Recipient",
              cell: (delivery) => (
                <>
                  {delivery.recipientName}
                  <br />
                  <span className="text-slate-600">{delivery.recipientEmail}</span>
                </>
              ),
            },
            { header: "Error", cell: (delivery) => delivery.lastError },
            {
              header: "Failed",
              cell: (delivery) =>
                delivery.failedAt ? (
                  <DateTime date={delivery.failedAt} timeZone={actor.timeZone} />
                ) : (
                  ""
                ),
            },
            {
              header: "Retry",
              cell: (delivery) => (
                <RetryDeliveryForm
                  deliveryId={delivery.id}
                  label={`Retry the email to ${delivery.recipientEmail}`}
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
