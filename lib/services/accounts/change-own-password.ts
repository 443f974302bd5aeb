import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import type { Actor } from "@/lib/authz/permissions";
import { newPasswordProblem } from "@/lib/domain/password-policy";
import { Refusal } from "@/lib/errors/refusal";
import { type ChangePasswordInput, changePasswordSchema } from "./password-schemas";

/**
 * A person changes their own password, proving the current one. Every other session of
 * theirs ends (a changed password usually means the old one may be known); this one goes on.
 */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  input: ChangePasswordInput,
  context: { address: string | null },
): Promise<void> {
  const data = changePasswordSchema.parse(input);
  const problem = newPasswordProblem(data.newPassword, actor.email);
  if (problem) throw new Refusal("invalid_input", problem, "newPassword");
  const [current] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!current?.passwordHash) {
    throw new Refusal(
      "conflict",
      "Your account has no password yet: use the link in your invitation email, or ask your administrator to send a new one.",
    );
  }
  if (!(await verifyPassword(current.passwordHash, data.currentPassword))) {
    throw new Refusal("invalid_input", "That is not your current password.", "currentPassword");
  }
  const passwordHash = await hashPassword(data.newPassword);
  await db.transaction(async (tx) => {
    // Only if the password is still the one just checked: two changes at once make one.
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.id, actor.userId), eq(users.passwordHash, current.passwordHash!)))
      .returning({ id: users.id });
    if (!changed) {
      throw new Refusal("conflict", "Your password was changed meanwhile. Sign in again.");
    }
    await tx
      .update(authSessions)
      .set({ revokedAt: sql`now()`, revokedReason: "password_changed" })
      .where(
        and(
          eq(authSessions.userId, actor.userId),
          ne(authSessions.id, actor.sessionId),
          isNull(authSessions.revokedAt),
        ),
      );
    await recordSecurityEvent(tx, {
      kind: "password_changed",
      userId: actor.userId,
      address: context.address,
    });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "password_changed",
      entityType: "user",
      entityId: actor.userId,
    });
  });
}
