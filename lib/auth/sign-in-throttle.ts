import { and, desc, eq, gt, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { signInFailures, twoFactorSecrets } from "@/db/schema";
import { recordSecurityEvent } from "./security-log";
import { type CredentialCheck, verifyCredentials } from "./verify-credentials";

/**
 * Password guessing is slowed at three levels, so that one person's typos or one attacker
 * never lock out a whole hospital sitting behind one network address:
 * - one account from one address (someone guessing one person's password, or that person
 *   mistyping): a few failures pause that account from that address only;
 * - one account from anywhere (guesses spread over many addresses): a few more pause it
 *   everywhere;
 * - one address, whatever the accounts (someone spraying many accounts): a much higher
 *   limit over a longer window, so the colleagues behind the same address can still sign in.
 * A paused attempt is refused before the password is looked at, so the answer is the same
 * whether it was right or wrong. A lock ends when the failure that set it leaves its window.
 */
export const SIGN_IN_THROTTLE = {
  accountAndAddress: { limit: 5, windowMinutes: 15 },
  account: { limit: 10, windowMinutes: 15 },
  address: { limit: 100, windowMinutes: 60 },
} as const;

const LONGEST_WINDOW_MINUTES = 60;

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
  const { address } = attempt;
  return db.transaction(async (tx) => {
    const retryAt = await holdSignInTurn(tx, account, address, now);
    if (retryAt) {
      await recordSecurityEvent(tx, { kind: "sign_in_throttled", account, address });
      return { ok: false, reason: "throttled", retryAt };
    }
    const result = await verifyCredentials(tx, account, attempt.password);
    if (result.ok) {
      // With two-factor sign-in the count is cleared only once the code is right too, so a
      // stolen password cannot be re-entered to reset the guesses at the code.
      if (!(await hasTwoFactor(tx, result.user.id))) {
        await clearSignInFailures(tx, account, address);
      }
      await recordSecurityEvent(tx, { kind: "sign_in_succeeded", userId: result.user.id, address });
    } else if (result.reason === "deactivated") {
      await recordSecurityEvent(tx, { kind: "sign_in_deactivated", account, address });
    } else {
      await recordSignInFailure(tx, account, address, now);
      await recordSecurityEvent(tx, { kind: "sign_in_failed", account, address });
      if (await lockedUntil(tx, account, address, now)) {
        await recordSecurityEvent(tx, { kind: "sign_in_locked_out", account, address });
      }
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

/** Only this address's failures: a guesser elsewhere keeps their count. */
export async function clearSignInFailures(
  tx: Db,
  account: string,
  address: string | null,
): Promise<void> {
  await tx
    .delete(signInFailures)
    .where(
      and(eq(signInFailures.account, account), eq(signInFailures.address, address ?? "unknown")),
    );
}

export async function recordSignInFailure(
  tx: Db,
  account: string,
  address: string | null,
  now: Date,
): Promise<void> {
  const stored = address ?? "unknown";
  await tx.insert(signInFailures).values({ account, address: stored, failedAt: now });
  // Keep the table small: what is older than the longest window no longer counts.
  await tx
    .delete(signInFailures)
    .where(
      and(
        or(eq(signInFailures.account, account), eq(signInFailures.address, stored)),
        lt(signInFailures.failedAt, minutesBefore(now, LONGEST_WINDOW_MINUTES)),
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

function minutesBefore(now: Date, minutes: number): Date {
  return new Date(now.getTime() - minutes * 60_000);
}

/** When the latest of the locks that apply ends, or null when none does. */
async function lockedUntil(db: Db, account: string, address: string | null, now: Date) {
  const { accountAndAddress, account: perAccount, address: perAddress } = SIGN_IN_THROTTLE;
  const scopes: { where: SQL | undefined; limit: number; windowMinutes: number }[] = [
    {
      where: and(
        eq(signInFailures.account, account),
        eq(signInFailures.address, address ?? "unknown"),
      ),
      ...accountAndAddress,
    },
    { where: eq(signInFailures.account, account), ...perAccount },
    ...(address ? [{ where: eq(signInFailures.address, address), ...perAddress }] : []),
  ];
  let until: Date | null = null;
  for (const { where, limit, windowMinutes } of scopes) {
    // The limit-th most recent failure inside the window: once it ages out, one more try.
    const [row] = await db
      .select({ failedAt: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(where, gt(signInFailures.failedAt, minutesBefore(now, windowMinutes))))
      .orderBy(desc(signInFailures.failedAt))
      .offset(limit - 1)
      .limit(1);
    if (!row) continue;
    const end = new Date(row.failedAt.getTime() + windowMinutes * 60_000);
    if (!until || end > until) until = end;
  }
  return until;
}
