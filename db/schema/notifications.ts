import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { concerns } from "./concerns";
import { patternReviews } from "./pattern-reviews";
import { users } from "./users";

// In-app notifications. They hold a kind, not text: the words are rendered for the
// reader at display time, so nothing stored here can leak a confidential reporter.
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Null for a notification about no case: an alert that the audit trail failed its check.
    concernId: uuid().references(() => concerns.id, { onDelete: "cascade" }),
    // Set instead of concernId for a notification about a pattern review of several concerns.
    patternReviewId: uuid().references(() => patternReviews.id, { onDelete: "cascade" }),
    // How the recipient relates to the case (or, for an alert, their role) decides the
    // link and the wording.
    recipientRelation: text().$type<"reporter" | "subject" | "officer" | "admin">().notNull(),
    kind: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    // Set by timed notifications (reminders), so a job that runs twice tells once.
    dedupeKey: text(),
  },
  (t) => [
    // The notifications page walks the reader's notifications newest first (keyset pages),
    // asks of each whether a later one of the same case exists, and reads a case's newest;
    // opening a case marks its notifications read by the second index too.
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt, t.id),
    index("notifications_recipient_case_idx").on(t.recipientId, t.concernId, t.createdAt, t.id),
    // Every signed-in page counts the reader's unread notifications: only those are indexed.
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
  ],
);
