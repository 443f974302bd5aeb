import { randomInt } from "node:crypto";
import { generateURI, verify } from "otplib";
import type { Role } from "@/lib/authz/roles";

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238): who must use it, what a
 * session still owes, and whether a code counts. Pure: the time and the last accepted
 * time step come in, nothing is read or written here.
 */

/** Those who can read case files or change accounts must use it (HIPAA 164.312(d)). */
const ROLES_THAT_REQUIRE_IT: readonly Role[] = ["compliance_officer", "admin"];

export function twoFactorRequired(roles: readonly Role[], requiredForEveryone: boolean): boolean {
  return requiredForEveryone || roles.some((role) => ROLES_THAT_REQUIRE_IT.includes(role));
}

/** What a session with the password right still needs before it opens anything. */
export type SessionStep = "complete" | "enter_code" | "enrol";

export function sessionStep(session: {
  roles: readonly Role[];
  requiredForEveryone: boolean;
  enrolled: boolean;
  secondFactorPassed: boolean;
}): SessionStep {
  if (session.secondFactorPassed) return "complete";
  // Someone who enrolled of their own accord is asked for a code like everyone else.
  if (session.enrolled) return "enter_code";
  return twoFactorRequired(session.roles, session.requiredForEveryone) ? "enrol" : "complete";
}

export const TIME_STEP_SECONDS = 30;
// One step either side: a phone's clock a little off, or a code typed as it turned over.
const EPOCH_TOLERANCE_SECONDS = TIME_STEP_SECONDS;

export const CODE_PATTERN = /^\d{6}$/;

/**
 * The time step a code was accepted for, or null when it is wrong, too old, or of a step
 * at or before the last accepted one: a code seen over a shoulder cannot be used again.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  lastTimeStep: number | null,
  now: Date,
): Promise<number | null> {
  if (!CODE_PATTERN.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** What an authenticator app reads (as text, or from a QR code of it) to add the account. */
export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: "Peer Concerns", label: email, secret });
}

/** A secret as people type it into an app: groups of four. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/l/I: read from paper and typed by hand.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten characters from 31 (about 50 bits): "xxxxx-xxxxx". */
export function newRecoveryCode(): string {
  const chars = Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  );
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** As stored and compared: lower-case, without the dash or spaces people add or drop. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, "");
}

/** Whether what was typed is shaped like a recovery code rather than an app's code. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return /^[a-z0-9]{10}$/.test(normaliseRecoveryCode(typed)) && !CODE_PATTERN.test(typed);
}
