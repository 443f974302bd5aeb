import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { signInFailures, twoFactorSecrets } from "@/db/schema";
import { type CredentialCheck, verifyCredentials } from "./verify-credentials";

/**
 * Password guessing is slowed per account (someone targeting one person) and per address
 * (someone spraying many accounts from one machine). Within WINDOW, ACCOUNT_LIMIT failures
 * for one email or ADDRESS_LIMIT from one address lock further attempts until the oldest
 * of those failures leaves the window. A locked attempt is refused before the password
 * is looked at, so the answer is the same whether it was right or wrong.
 */
export const SIGN_IN_THROTTLE = {
  windowMinutes: 15,
  accountLimit: 5,
  addressLimit: 20,
} as const;

export type ThrottledCheck = CredentialCheck | { ok: false; reason: "throttled"; retryAt: Date };

export interface SignInAttempt {
  email: string;
  password: string;
  /**
   * The client's network address, as the launcher recorded it (lib/auth/client-address.ts); null
   * when unknown (served some other way), so strangers never share one address's limit.
   */
  address: string | null;
}

export async function verifyCredentialsThrottled(
  db: Database,
  attempt: SignInAttempt,
  now: Date,
): Promise<ThrottledCheck> {
  const account = attempt.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const retryAt = await holdSignInTurn(tx, account, attempt.address, now);
    if (retryAt) return { ok: false, reason: "throttled", retryAt };
    const result = await verifyCredentials(tx, account, attempt.password);
    if (result.ok) {
      // With two-factor sign-in the count is cleared only once the code is right too, so a
      // stolen password cannot be re-entered to reset the guesses at the code.
      if (!(await hasTwoFactor(tx, result.user.id))) await clearSignInFailures(tx, account);
    } else if (result.reason === "wrong_credentials") {
      await recordSignInFailure(tx, account, attempt.address, now);
    }
    return result;
  });
}

/**
 * Takes this account's turn (inside the caller's transaction) and says until when it is
 * locked, or null. Passwords and second-factor codes share the count: a code guessed
 * after a stolen password is slowed like a password guess.
 */
export async function holdSignInTurn(
  tx: Db,
  account: string,
  address: string | null,
  now: Date,
): Promise<Date | null> {
  // Concurrent guesses at one account wait their turn, so a burst cannot slip past the
  // count before any failure is recorded.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('sign-in'), hashtext(${account}))`);
  return lockedUntil(tx, account, address, now);
}

export async function clearSignInFailures(tx: Db, account: string): Promise<void> {
  await tx.delete(signInFailures).where(eq(signInFailures.account, account));
}

export async function recordSignInFailure(
  tx: Db,
  account: string,
  address: string | null,
  now: Date,
): Promise<void> {
  await tx.insert(signInFailures).values({ account, address: address ?? "unknown", failedAt: now });
  // Keep the table small: what is older than the window no longer counts.
  await tx
    .delete(signInFailures)
    .where(
      and(
        or(eq(signInFailures.account, account), eq(signInFailures.address, address ?? "unknown")),
        lt(signInFailures.failedAt, windowStart(now)),
      ),
    );
}

async function hasTwoFactor(tx: Db, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ confirmedAt: twoFactorSecrets.confirmedAt })
    .from(twoFactorSecrets)
    .where(eq(twoFactorSecrets.userId, userId));
  return Boolean(row?.confirmedAt);
}

function windowStart(now: Date): Date {
  return new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
}

/** When the later of the two locks ends, or null when neither applies. */
async function lockedUntil(db: Db, account: string, address: string | null, now: Date) {
  const limits = [
    { column: signInFailures.account, value: account, limit: SIGN_IN_THROTTLE.accountLimit },
    ...(address
      ? [{ column: signInFailures.address, value: address, limit: SIGN_IN_THROTTLE.addressLimit }]
      : []),
  ];
  let until: Date | null = null;
  for (const { column, value, limit } of limits) {
    // The limit-th most recent failure inside the window: once it ages out, one more try.
    const [row] = await db
      .select({ failedAt: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(eq(column, value), gt(signInFailures.failedAt, windowStart(now))))
      .orderBy(desc(signInFailures.failedAt))
      .offset(limit - 1)
      .limit(1);
    if (!row) continue;
    const end = new Date(row.failedAt.getTime() + SIGN_IN_THROTTLE.windowMinutes * 60_000);
    if (!until || end > until) until = end;
  }
  return until;
}
