import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { securityEvents, users } from "@/db/schema";

/**
 * Every kind of entry in the security log, with the words the administrators' page shows.
 * A kind not declared here cannot be recorded.
 */
export const SECURITY_EVENT_KINDS = {
  sign_in_succeeded: "Signed in",
  sign_in_failed: "Sign-in failed: wrong email or password",
  sign_in_deactivated: "Sign-in refused: account deactivated",
  sign_in_locked_out: "Sign-in paused after too many failures",
  sign_in_throttled: "Sign-in refused while paused",
  password_changed: "Password changed",
  password_reset_requested: "Password reset link requested",
  password_reset: "Password reset by emailed link",
  invitation_sent: "Invitation sent",
  invitation_accepted: "Invitation accepted: password set",
  two_factor_enrolled: "Two-factor sign-in turned on",
  two_factor_disabled: "Two-factor sign-in turned off",
  recovery_codes_regenerated: "New recovery codes made",
  recovery_code_used: "Signed in with a recovery code",
  two_factor_code_refused: "Two-factor code refused",
  role_grant_requested: "Role asked for: waits for a second person's approval",
  role_grant_approved: "Role approved and granted",
  role_grant_declined: "Role request declined",
} as const;

export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export interface SecurityEvent {
  kind: SecurityEventKind;
  /** The account concerned, when there is one. */
  userId?: string | null;
  /**
   * The email typed (sign-in, forgotten password), normalised. Given without `userId`, the
   * account with that email, if any, is named too.
   */
  account?: string | null;
  /** The client's network address (lib/auth/client-address.ts); null when unknown. */
  address: string | null;
  /**
   * Someone acting on another person's account: the administrator who sent an invitation,
   * asked for a role or decided on one.
   */
  actorId?: string | null;
}

/**
 * The one way into the security log: who, from where, what kind of event; never case
 * content. Written in the caller's transaction, so an event is logged exactly when what it
 * records happened. The database dates it and refuses any later change.
 */
export async function recordSecurityEvent(db: Db, event: SecurityEvent): Promise<void> {
  await db.insert(securityEvents).values({
    kind: event.kind,
    userId:
      event.userId ??
      (event.account
        ? sql`(${db.select({ id: users.id }).from(users).where(eq(users.email, event.account))})`
        : null),
    account: event.account ?? null,
    address: event.address,
    actorId: event.actorId ?? null,
  });
}

export function securityEventLabel(kind: string): string {
  return Object.hasOwn(SECURITY_EVENT_KINDS, kind)
    ? SECURITY_EVENT_KINDS[kind as SecurityEventKind]
    : kind;
}
