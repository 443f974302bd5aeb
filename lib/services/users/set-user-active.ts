import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { revokeAllSessionsOf } from "@/lib/auth/session-store";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { setUserActiveSchema } from "./user-schemas";

/**
 * Deactivates or reactivates an account. Deactivation also revokes every session, though
 * the per-request session check would already refuse them.
 */
export async function setUserActive(
  db: Database,
  actor: Actor,
  input: { userId: string; active: boolean },
): Promise<void> {
  assertCan(actor, "users:manage");
  const { userId, active } = setUserActiveSchema.parse(input);
  if (userId === actor.userId) {
    throw new Refusal("cannot_change_own_account", "You cannot deactivate your own account.");
  }
  await db.transaction(async (tx) => {
    // The state is checked in the write itself, so two administrators clicking at once
    // produce one change and one clear conflict.
    const [changed] = await tx
      .update(users)
      .set({ deactivatedAt: active ? null : sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(users.id, userId),
          active ? isNotNull(users.deactivatedAt) : isNull(users.deactivatedAt),
        ),
      )
      .returning({ id: users.id });
    if (!changed) {
      const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!exists) throw new Refusal("not_found", "That account no longer exists.");
      throw new Refusal(
        "conflict",
        active ? "This account is already active." : "This account is already deactivated.",
      );
    }
    if (!active) await revokeAllSessionsOf(tx, userId, "deactivated");
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: active ? "user_reactivated" : "user_deactivated",
      entityType: "user",
      entityId: userId,
    });
  });
}
