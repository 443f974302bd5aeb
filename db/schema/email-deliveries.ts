import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accountTokens } from "./account-tokens";
import { notifications } from "./notifications";
import { users } from "./users";

export const DELIVERY_STATUSES = ["pending", "retrying", "sent", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

// The email side of the outbox: one row per notification that is emailed, written in the
// transaction that created the notification, together with its send job. The unique key
// is what makes a retried or duplicated job send at most one message.
export const emailDeliveries = pgTable(
  "email_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    idempotencyKey: text().notNull(),
    // Either a notification's email or an account email (a password link); never both.
    notificationId: bigint({ mode: "number" }).references(() => notifications.id, {
      onDelete: "cascade",
    }),
    accountTokenId: uuid().references(() => accountTokens.id, { onDelete: "cascade" }),
    recipientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Copied from the notification so the failed-deliveries page needs no case data.
    kind: text().notNull(),
    status: text().$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    // Why a message was deliberately not sent (the person opted out, or left).
    skippedReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("email_deliveries_idempotency_key").on(t.idempotencyKey),
    index("email_deliveries_failed_idx").on(t.failedAt.desc()).where(sql`${t.status} = 'failed'`),
    check(
      "email_deliveries_one_subject",
      sql`num_nonnulls(${t.notificationId}, ${t.accountTokenId}) = 1`,
    ),
    check(
      "email_deliveries_known_status",
      sql`${t.status} in ('pending', 'retrying', 'sent', 'failed', 'skipped')`,
    ),
  ],
);

// Development only: with no SMTP server configured, outgoing mail lands here instead,
// readable at the development mailbox page. Never written when SMTP_URL is set or in
// production.
export const capturedEmails = pgTable(
  "captured_emails",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    capturedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("captured_emails_captured_idx").on(t.capturedAt.desc())],
);
