import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { concerns } from "./concerns";
import { users } from "./users";

// An officer who stepped aside from a case (a conflict of interest): from then on they
// never see, hold or are assigned it. Kept for good: a recusal is not withdrawn.
export const caseRecusals = pgTable(
  "case_recusals",
  {
    concernId: uuid()
      .notNull()
      .references(() => concerns.id, { onDelete: "restrict" }),
    officerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    reason: text().notNull(),
    recusedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.concernId, t.officerId] }),
    index("case_recusals_officer_idx").on(t.officerId),
  ],
);
