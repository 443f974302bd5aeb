import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// One row per sign-in. The session cookie only carries this row's id, so the database
// decides on every request whether the session is still valid: sign-out, deactivation,
// idle timeout and absolute lifetime all take effect on the very next request.
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedReason: text(),
    // When this session passed the second factor; null: the password only, which opens
    // nothing for someone who has or needs two-factor sign-in.
    secondFactorAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);
