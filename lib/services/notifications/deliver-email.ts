import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailDeliveries, emailPreferences, notifications, users } from "@/db/schema";
import { caseLinkFor, type RecipientRelation } from "@/lib/notifications/describe-notification";
import { type MailSettings, messageIdFor } from "@/lib/notifications/mail-config";
import type { Mailer } from "@/lib/notifications/mailer";
import { isNotificationKind, policyOf } from "@/lib/notifications/notification-kinds";
import { renderEmail } from "@/lib/notifications/render-email";

export const EMAIL_PREFERENCES_PATH = "/preferences/email";

export type DeliveryOutcome = "sent" | "skipped" | "failed" | "nothing_to_do";

/** Thrown after the attempt is recorded, so the job queue tries again with backoff. */
export class DeliveryAttemptFailed extends Error {}

/**
 * Sends one delivery at most once. The row is locked while sending, so a duplicated job
 * waits for nothing and finds it already sent; only a pending (or retrying) delivery is
 * sent. A failure is recorded with its attempt; on the last attempt the delivery turns
 * "failed" and appears on the administrators' page, otherwise the caller's job retries.
 * A crash between the server accepting the message and the commit could repeat it once;
 * the Message-ID, derived from the idempotency key, lets mail systems recognise that.
 */
export async function deliverEmail(
  db: Database,
  deliveryId: number,
  mailer: Mailer,
  settings: MailSettings,
  attempt: { number: number; max: number },
  now = new Date(),
): Promise<DeliveryOutcome> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        delivery: emailDeliveries,
        relation: notifications.recipientRelation,
        concernId: notifications.concernId,
        email: users.email,
        name: users.name,
        deactivatedAt: users.deactivatedAt,
        remindersByEmail: emailPreferences.remindersByEmail,
      })
      .from(emailDeliveries)
      .innerJoin(notifications, eq(notifications.id, emailDeliveries.notificationId))
      .innerJoin(users, eq(users.id, emailDeliveries.recipientId))
      .leftJoin(emailPreferences, eq(emailPreferences.userId, emailDeliveries.recipientId))
      .where(eq(emailDeliveries.id, deliveryId))
      .for("update", { of: emailDeliveries, skipLocked: true });
    // Missing, being sent by another worker right now, or already settled.
    if (!row || !["pending", "retrying"].includes(row.delivery.status)) {
      return { outcome: "nothing_to_do" as const };
    }
    const { delivery } = row;
    const skip = async (reason: string) => {
      await tx
        .update(emailDeliveries)
        .set({ status: "skipped", skippedReason: reason, lastAttemptAt: now })
        .where(eq(emailDeliveries.id, delivery.id));
      return { outcome: "skipped" as const };
    };
    if (row.deactivatedAt) return skip("The account is deactivated.");
    // Checked when sending, so opting out also stops reminders already queued.
    if (!policyOf(delivery.kind).essential && row.remindersByEmail === false) {
      return skip("The person turned reminder emails off.");
    }
    if (!isNotificationKind(delivery.kind)) return skip("Unknown kind of notification.");

    const content = renderEmail({
      recipientName: row.name,
      kind: delivery.kind,
      link: `${settings.appUrl}${caseLinkFor(row.relation as RecipientRelation, row.concernId)}`,
      preferencesLink: `${settings.appUrl}${EMAIL_PREFERENCES_PATH}`,
    });
    try {
      await mailer.send({
        to: row.email,
        from: settings.from,
        messageId: messageIdFor(delivery.idempotencyKey, settings.from),
        ...content,
      });
    } catch (error) {
      const last = attempt.number >= attempt.max;
      await tx
        .update(emailDeliveries)
        .set({
          status: last ? "failed" : "retrying",
          attempts: delivery.attempts + 1,
          lastError: describeError(error),
          lastAttemptAt: now,
          failedAt: last ? now : null,
        })
        .where(eq(emailDeliveries.id, delivery.id));
      return { outcome: "failed" as const, retry: !last, error };
    }
    await tx
      .update(emailDeliveries)
      .set({
        status: "sent",
        attempts: delivery.attempts + 1,
        lastError: null,
        lastAttemptAt: now,
        sentAt: now,
      })
      .where(eq(emailDeliveries.id, delivery.id));
    return { outcome: "sent" as const };
  });
  if (result.outcome === "failed" && result.retry) {
    throw new DeliveryAttemptFailed(`Email delivery ${deliveryId}: ${describeError(result.error)}`);
  }
  return result.outcome;
}

/** The mail server's own words, short: they say what went wrong without any case content. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
