import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { sendInvitation } from "./create-user";
import { resendInvitationSchema } from "./user-schemas";

/**
 * A new invitation link for an account whose person has not set a password yet (the first
 * expired or went astray); the earlier link stops working. Once they have a password, a
 * forgotten one is theirs to reset from the sign-in page: an administrator never sets it.
 */
export async function resendInvitation(
  db: Database,
  actor: Actor,
  input: z.input<typeof resendInvitationSchema>,
  context: { address: string | null },
): Promise<{ email: string }> {
  assertCan(actor, "users:manage");
  const { userId } = resendInvitationSchema.parse(input);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        email: users.email,
        passwordHash: users.passwordHash,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) throw new Refusal("not_found", "That account no longer exists.");
    if (user.deactivatedAt) {
      throw new Refusal("conflict", "This account is deactivated: reactivate it first.");
    }
    if (user.passwordHash) {
      throw new Refusal(
        "conflict",
        "This person has set a password already. If they have forgotten it, they can reset it from the sign-in page.",
      );
    }
    await sendInvitation(tx, actor, userId, context.address);
    return { email: user.email };
  });
}
