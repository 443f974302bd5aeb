import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { concerns } from "./concerns";
import { users } from "./users";

// An officer's question to one party of a case, and that party's answer. The party sees
// the question on their own page of the case; officers see both on the timeline.
export const informationRequests = pgTable(
  "information_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    askedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    // Which party is asked; the person follows from the case.
    recipient: text().$type<"reporter" | "subject">().notNull(),
    question: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    answer: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("information_requests_concern_idx").on(t.concernId, t.askedAt),
    check("information_requests_recipient", sql`${t.recipient} in ('reporter', 'subject')`),
    check(
      "information_requests_answer_complete",
      sql`(${t.answer} is null) = (${t.answeredAt} is null)`,
    ),
  ],
);
