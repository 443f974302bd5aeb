import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Recent failed password sign-ins, for throttling per account and per address
// (lib/auth/sign-in-throttle.ts). In Postgres so every app instance sees the same counts.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // The normalised email typed, whether or not an account has it: throttling only real
    // accounts would tell a guesser which addresses exist.
    account: text().notNull(),
    address: text().notNull(),
    failedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_failures_account_idx").on(t.account, t.failedAt),
    index("sign_in_failures_address_idx").on(t.address, t.failedAt),
    index("sign_in_failures_account_address_idx").on(t.account, t.address, t.failedAt),
  ],
);
