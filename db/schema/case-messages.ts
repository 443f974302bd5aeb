import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { concerns } from "./concerns";
import { users } from "./users";

// The relayed thread between a case's two parties. A message is never edited or deleted:
// the application's role may only add and read them (db/app-role.ts), so what was said
// stays what was said, for the parties and for officers if the case reaches them.
export const caseMessages = pgTable(
  "case_messages",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    senderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text().notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A case's thread is read a page at a time, in (sent_at, id) order.
    index("case_messages_concern_idx").on(t.concernId, t.sentAt, t.id),
    // The daily limit counts one sender's messages on one case in the last 24 hours.
    index("case_messages_sender_idx").on(t.concernId, t.senderId, t.sentAt),
  ],
);

// A party's report that a message from the other party is abusive, for the compliance
// officers. Added once per message and person, never changed.
export const caseMessageReports = pgTable(
  "case_message_reports",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint({ mode: "number" })
      .notNull()
      .references(() => caseMessages.id, { onDelete: "restrict" }),
    reportedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    reason: text(),
    reportedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("case_message_reports_once").on(t.messageId, t.reportedById),
    index("case_message_reports_recent_idx").on(t.reportedAt.desc()),
  ],
);
