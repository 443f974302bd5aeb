import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { twoFactorSecrets } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { makeRecoveryCodes, replaceRecoveryCodes } from "./second-factor-check";

/** A new set of recovery codes, returned to be shown once; the old ones stop working. */
export async function regenerateRecoveryCodes(
  db: Database,
  actor: Actor,
  address: string | null,
): Promise<{ recoveryCodes: string[] }> {
  const { codes, hashes } = await makeRecoveryCodes();
  await db.transaction(async (tx) => {
    const [secret] = await tx
      .select({ userId: twoFactorSecrets.userId })
      .from(twoFactorSecrets)
      .where(
        and(eq(twoFactorSecrets.userId, actor.userId), isNotNull(twoFactorSecrets.confirmedAt)),
      )
      .for("update");
    if (!secret) throw new Refusal("conflict", "Two-factor sign-in is not set up for you.");
    await replaceRecoveryCodes(tx, actor.userId, hashes);
    await recordSecurityEvent(tx, {
      kind: "recovery_codes_regenerated",
      userId: actor.userId,
      address,
    });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "recovery_codes_regenerated",
      entityType: "user",
      entityId: actor.userId,
    });
  });
  return { recoveryCodes: codes };
}
