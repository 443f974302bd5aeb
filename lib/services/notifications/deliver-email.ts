import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  accountTokens,
  concerns,
  emailDeliveries,
  emailPreferences,
  notifications,
  patternReviews,
  users,
} from "@/db/schema";
import { ACCOUNT_TOKEN_PATHS, accountTokenFor } from "@/lib/auth/account-tokens";
import { concernReference } from "@/lib/domain/concern-fields";
import { resolveTimeZone } from "@/lib/domain/date-words";
import { patternReviewReference } from "@/lib/domain/pattern-review";
import { neededFrom } from "@/lib/domain/waiting-on";
import {
  caseLinkFor,
  NOTIFICATIONS_PATH,
  patternReviewLinkFor,
  type RecipientRelation,
} from "@/lib/notifications/describe-notification";
import { type MailSettings, messageIdFor } from "@/lib/notifications/mail-config";
import type { Mailer } from "@/lib/notifications/mailer";
import { isNotificationKind, policyOf } from "@/lib/notifications/notification-kinds";
import { enqueueEmailDelivery } from "@/lib/notifications/notify";
import { renderAccountEmail } from "@/lib/notifications/render-account-email";
import { type EmailContent, renderEmail } from "@/lib/notifications/render-email";
import { retryDelayMs } from "@/lib/notifications/retry-schedule";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";

export const EMAIL_PREFERENCES_PATH = "/preferences/email";

export type DeliveryOutcome = "sent" | "skipped" | "retrying" | "failed" | "nothing_to_do";

/**
 * Sends one delivery at most once. The row is locked while sending, so a duplicated job
 * waits for nothing and finds it already sent; only a pending (or retrying) delivery is
 * sent. A failure is recorded with its attempt and, in the same transaction, the next try
 * is queued (retry-schedule.ts); after the last attempt the delivery turns "failed" and
 * appears on the administrators' page.
 * A crash between the server accepting the message and the commit could repeat it once;
 * the Message-ID, derived from the idempotency key, lets mail systems recognise that.
 */
export async function deliverEmail(
  db: Database,
  deliveryId: number,
  mailer: Mailer,
  settings: MailSettings,
  now = new Date(),
): Promise<DeliveryOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        delivery: emailDeliveries,
        relation: notifications.recipientRelation,
        concernId: notifications.concernId,
        patternReviewId: notifications.patternReviewId,
        reviewNumber: patternReviews.number,
        email: users.email,
        name: users.name,
        deactivatedAt: users.deactivatedAt,
        timeZone: users.timeZone,
        remindersByEmail: emailPreferences.remindersByEmail,
        // An account email (a password link) instead of a notification's.
        accountToken: {
          id: accountTokens.id,
          purpose: accountTokens.purpose,
          expiresAt: accountTokens.expiresAt,
          usedAt: accountTokens.usedAt,
          revokedAt: accountTokens.revokedAt,
        },
        // The case as the email may name it: its reference and its clocks, nothing it says.
        concern: {
          number: concerns.number,
          state: concerns.state,
          responseDueAt: concerns.responseDueAt,
          confirmationDueAt: concerns.confirmationDueAt,
          assigneeId: concerns.assigneeId,
          triageDueAt: concerns.triageDueAt,
          escalatedAt: concerns.escalatedAt,
          decisionDueAt: concerns.decisionDueAt,
        },
      })
      .from(emailDeliveries)
      .leftJoin(notifications, eq(notifications.id, emailDeliveries.notificationId))
      .leftJoin(accountTokens, eq(accountTokens.id, emailDeliveries.accountTokenId))
      // An alert about no case (the audit trail) has none.
      .leftJoin(concerns, eq(concerns.id, notifications.concernId))
      .leftJoin(patternReviews, eq(patternReviews.id, notifications.patternReviewId))
      .innerJoin(users, eq(users.id, emailDeliveries.recipientId))
      .leftJoin(emailPreferences, eq(emailPreferences.userId, emailDeliveries.recipientId))
      .where(eq(emailDeliveries.id, deliveryId))
      .for("update", { of: emailDeliveries, skipLocked: true });
    // Missing, being sent by another worker right now, or already settled.
    if (!row || !["pending", "retrying"].includes(row.delivery.status)) return "nothing_to_do";
    const { delivery } = row;
    const skip = async (reason: string) => {
      await tx
        .update(emailDeliveries)
        .set({ status: "skipped", skippedReason: reason, lastAttemptAt: now })
        .where(eq(emailDeliveries.id, delivery.id));
      return "skipped" as const;
    };
    if (row.deactivatedAt) return skip("The account is deactivated.");
    // Checked when sending, so opting out also stops reminders already queued.
    if (!policyOf(delivery.kind).essential && row.remindersByEmail === false) {
      return skip("The person turned reminder emails off.");
    }
    const timeZone = resolveTimeZone(row.timeZone, (await loadWorkflowSettings(tx)).timeZone);
    let content: EmailContent;
    if (row.accountToken) {
      const token = row.accountToken;
      // A link already used, replaced by a newer one or expired is not worth sending.
      if (token.usedAt || token.revokedAt || token.expiresAt <= now) {
        return skip("The link was used, replaced by a newer one, or has expired.");
      }
      content = renderAccountEmail({
        recipientName: row.name,
        purpose: token.purpose,
        link: `${settings.appUrl}${ACCOUNT_TOKEN_PATHS[token.purpose]}/${accountTokenFor(token.id)}`,
        expiresAt: token.expiresAt,
        timeZone,
      });
    } else {
      if (!isNotificationKind(delivery.kind)) return skip("Unknown kind of notification.");
      const relation = row.relation as RecipientRelation;
      const { concern, concernId } = row;
      const onCase =
        concern && concernId && relation !== "admin" ? { concern, concernId, relation } : null;
      // A pattern review is named by its own reference and links to its own page.
      const review =
        row.patternReviewId && row.reviewNumber !== null
          ? { id: row.patternReviewId, reference: patternReviewReference(row.reviewNumber) }
          : null;
      // The deadline as the case stands when the email is sent, which a retry hours later
      // may find moved on.
      content = renderEmail({
        recipientName: row.name,
        kind: delivery.kind,
        relation,
        reference: onCase ? concernReference(onCase.concern.number) : (review?.reference ?? null),
        need: onCase ? neededFrom(onCase.relation, delivery.recipientId, onCase.concern) : null,
        timeZone,
        now,
        link: `${settings.appUrl}${onCase ? caseLinkFor(onCase.relation, onCase.concernId, onCase.concern.escalatedAt !== null) : review ? patternReviewLinkFor(relation, review.id) : NOTIFICATIONS_PATH}`,
        preferencesLink: `${settings.appUrl}${EMAIL_PREFERENCES_PATH}`,
      });
    }
    try {
      await mailer.send({
        to: row.email,
        from: settings.from,
        messageId: messageIdFor(delivery.idempotencyKey, settings.from),
        ...content,
      });
    } catch (error) {
      const attempts = delivery.attempts + 1;
      const delay = retryDelayMs(attempts);
      await tx
        .update(emailDeliveries)
        .set({
          status: delay === null ? "failed" : "retrying",
          attempts,
          lastError: describeError(error),
          lastAttemptAt: now,
          failedAt: delay === null ? now : null,
        })
        .where(eq(emailDeliveries.id, delivery.id));
      if (delay === null) return "failed";
      await enqueueEmailDelivery(tx, delivery.id, new Date(now.getTime() + delay));
      return "retrying";
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
    return "sent";
  });
}

/** The mail server's own words, short: they say what went wrong without any case content. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}
