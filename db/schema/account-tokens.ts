import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "invitation"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

// Single-use links that let a person set their own password: a forgotten-password reset or
// an invitation to a new account (lib/auth/account-tokens.ts). Only a hash of the token is
// kept, so reading this table gives nobody a working link.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text().$type<AccountTokenPurpose>().notNull(),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    // A newer link of the same purpose replaces this one.
    revokedAt: timestamp({ withTimezone: true }),
    // The administrator who sent an invitation; null for a reset the person asked for.
    createdById: uuid().references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_known_purpose", sql`${t.purpose} in ('password_reset', 'invitation')`),
  ],
);
