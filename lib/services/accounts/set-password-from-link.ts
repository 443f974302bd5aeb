import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { type AccountTokenPurpose, signInFailures, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { claimAccountToken, useAccountToken } from "@/lib/auth/account-tokens";
import { hashPassword } from "@/lib/auth/password";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { revokeAllSessionsOf } from "@/lib/auth/session-store";
import { newPasswordProblem } from "@/lib/domain/password-policy";
import { Refusal } from "@/lib/errors/refusal";
import { type PasswordFromLinkInput, passwordFromLinkSchema } from "./password-schemas";

const EVENTS = {
  password_reset: { security: "password_reset", audit: "password_reset" },
  invitation: { security: "invitation_accepted", audit: "invitation_accepted" },
} as const;

/** What a dead link says, whatever killed it (unknown, used, replaced, expired). */
export const DEAD_LINK: Readonly<Record<AccountTokenPurpose, string>> = {
  password_reset:
    "This link no longer works: it was used already, a newer one was sent, or its 30 minutes are over. Ask for a new one.",
  invitation:
    "This invitation no longer works: it was used already, a newer one was sent, or it expired. Ask your administrator to send a new one.",
};

/**
 * Sets a person's password from an emailed link (a reset, or an invitation's first
 * password). The link works once: it is locked, checked and marked used in one
 * transaction. Every session of theirs ends and their sign-in failures are forgotten, so
 * a person locked out by someone else's guesses is let in by their own email.
 */
export async function setPasswordFromLink(
  db: Database,
  purpose: AccountTokenPurpose,
  input: PasswordFromLinkInput,
  context: { address: string | null; now?: Date },
): Promise<void> {
  const data = passwordFromLinkSchema.parse(input);
  const now = context.now ?? new Date();
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    const link = await claimAccountToken(tx, { token: data.token, purpose, now });
    if (!link) {
      throw new Refusal(
        "conflict",
        DEAD_LINK[purpose],
        undefined,
        purpose === "password_reset"
          ? { href: "/forgot-password", label: "Ask for a new link" }
          : undefined,
      );
    }
    const problem = newPasswordProblem(data.newPassword, link.email);
    if (problem) throw new Refusal("invalid_input", problem, "newPassword");
    await useAccountToken(tx, link.tokenId, now);
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(eq(users.id, link.userId));
    await revokeAllSessionsOf(tx, link.userId, EVENTS[purpose].security);
    await tx.delete(signInFailures).where(eq(signInFailures.account, link.email));
    await recordSecurityEvent(tx, {
      kind: EVENTS[purpose].security,
      userId: link.userId,
      address: context.address,
    });
    await writeAuditEvent(tx, {
      actorId: link.userId,
      action: EVENTS[purpose].audit,
      entityType: "user",
      entityId: link.userId,
    });
  });
}
