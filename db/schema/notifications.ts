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
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt.desc()),
    uniqueIndex("notifications_dedupe_key").on(t.dedupeKey),
  ],
);
