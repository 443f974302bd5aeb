import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { concerns } from "./concerns";
import { users } from "./users";

// Officers' internal notes on a case. Append-only: a note is never edited or deleted; it
// can be retracted once, with a reason, and stays on record (a trigger enforces this, see
// the case-notes-append-only migration). Never shown to the parties.
export const caseNotes = pgTable(
  "case_notes",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    retractedAt: timestamp({ withTimezone: true }),
    retractedById: uuid().references(() => users.id, { onDelete: "restrict" }),
    retractionReason: text(),
  },
  (t) => [
    index("case_notes_concern_idx").on(t.concernId, t.id),
    check(
      "case_notes_retraction_complete",
      sql`(${t.retractedAt} is null) = (${t.retractedById} is null) and (${t.retractedAt} is null) = (${t.retractionReason} is null)`,
    ),
  ],
);
