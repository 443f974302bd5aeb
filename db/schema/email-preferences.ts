import { boolean, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// A person's choices about email. No row means the defaults: every email is sent.
// Only non-essential emails (reminders) can be turned off; notices and closures cannot.
export const emailPreferences = pgTable("email_preferences", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  remindersByEmail: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
