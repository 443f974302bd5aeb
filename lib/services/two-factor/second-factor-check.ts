import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes, twoFactorSecrets } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import {
  clearSignInFailures,
  holdSignInTurn,
  recordSignInFailure,
} from "@/lib/auth/sign-in-throttle";
import {
  acceptedTimeStep,
  looksLikeRecoveryCode,
  newRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
} from "@/lib/domain/two-factor";
import { Refusal } from "@/lib/errors/refusal";

/** Who is proving the second factor, and from where. */
export interface CodeAttempt {
  userId: string;
  email: string;
  address: string | null;
  now: Date;
}

export type CodeCheck =
  | { ok: true; via: "app" }
  | { ok: true; via: "recovery_code"; remaining: number }
  | { ok: false; refusal: Refusal };

const WRONG_CODE =
  "That code is not right, or it was already used. Try the next one your app shows.";

/**
 * Checks a code against a secret inside the caller's transaction, under the sign-in
 * throttle: a wrong code counts as a failed sign-in and is recorded as a security event;
 * a right one moves the secret's last time step on, so it is never accepted again. The
 * caller commits either way and throws the refusal after, so a failure is kept.
 */
export async function checkSecondFactor(
  tx: Db,
  attempt: CodeAttempt,
  secret: { secret: string; lastTimeStep: number | null },
  typed: string,
  options: { recoveryCodes: boolean },
): Promise<CodeCheck> {
  const retryAt = await holdSignInTurn(tx, attempt.email, attempt.address, attempt.now);
  if (retryAt) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - attempt.now.getTime()) / 60_000));
    return {
      ok: false,
      refusal: new Refusal(
        "rate_limited",
        `Too many wrong codes. For your account's safety, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        "code",
      ),
    };
  }
  const check =
    options.recoveryCodes && looksLikeRecoveryCode(typed)
      ? await spendRecoveryCode(tx, attempt.userId, typed, attempt.now)
      : await acceptAppCode(tx, attempt, secret, typed);
  if (check.ok) {
    await clearSignInFailures(tx, attempt.email, attempt.address);
    return check;
  }
  await recordSignInFailure(tx, attempt.email, attempt.address, attempt.now);
  await recordSecurityEvent(tx, {
    kind: "two_factor_code_refused",
    userId: attempt.userId,
    address: attempt.address,
  });
  return check;
}

async function acceptAppCode(
  tx: Db,
  attempt: CodeAttempt,
  secret: { secret: string; lastTimeStep: number | null },
  typed: string,
): Promise<CodeCheck> {
  const step = await acceptedTimeStep(
    secret.secret,
    typed.replace(/\s/g, ""),
    secret.lastTimeStep,
    attempt.now,
  );
  if (step === null)
    return { ok: false, refusal: new Refusal("invalid_input", WRONG_CODE, "code") };
  await tx
    .update(twoFactorSecrets)
    .set({ lastTimeStep: step })
    .where(eq(twoFactorSecrets.userId, attempt.userId));
  return { ok: true, via: "app" };
}

async function spendRecoveryCode(
  tx: Db,
  userId: string,
  typed: string,
  now: Date,
): Promise<CodeCheck> {
  const unused = await tx
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .for("update");
  const code = normaliseRecoveryCode(typed);
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, code))) continue;
    await tx.update(recoveryCodes).set({ usedAt: now }).where(eq(recoveryCodes.id, candidate.id));
    return { ok: true, via: "recovery_code", remaining: unused.length - 1 };
  }
  return {
    ok: false,
    refusal: new Refusal(
      "invalid_input",
      "That recovery code is not right, or it was already used.",
      "code",
    ),
  };
}

/** A fresh set of recovery codes: the words to show once, and the hashes to keep. */
export async function makeRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code))));
  return { codes, hashes };
}

/** Replaces a person's recovery codes, inside the caller's transaction. */
export async function replaceRecoveryCodes(
  tx: Db,
  userId: string,
  hashes: string[],
): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
}
