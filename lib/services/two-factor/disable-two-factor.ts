import { and, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { recoveryCodes, twoFactorSecrets } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import type { Actor } from "@/lib/authz/permissions";
import { twoFactorRequired } from "@/lib/domain/two-factor";
import { Refusal } from "@/lib/errors/refusal";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { type CodeAttempt, checkSecondFactor } from "./second-factor-check";
import { disableTwoFactorSchema } from "./two-factor-schemas";

/**
 * Turns two-factor sign-in off for someone it is optional for, on a current code; the
 * secret and the recovery codes are removed.
 */
export async function disableTwoFactor(
  db: Database,
  actor: Actor,
  attempt: Omit<CodeAttempt, "userId" | "email">,
  input: z.input<typeof disableTwoFactorSchema>,
): Promise<void> {
  const { code } = disableTwoFactorSchema.parse(input);
  const refusal = await db.transaction(async (tx) => {
    const settings = await loadWorkflowSettings(tx);
    if (twoFactorRequired(actor.roles, settings.twoFactorForEveryone)) {
      return new Refusal(
        "forbidden",
        "Two-factor sign-in is required for you: it cannot be turned off.",
      );
    }
    const [secret] = await tx
      .select()
      .from(twoFactorSecrets)
      .where(
        and(eq(twoFactorSecrets.userId, actor.userId), isNotNull(twoFactorSecrets.confirmedAt)),
      )
      .for("update");
    if (!secret) return new Refusal("conflict", "Two-factor sign-in is not set up for you.");
    const check = await checkSecondFactor(
      tx,
      { ...attempt, userId: actor.userId, email: actor.email },
      secret,
      code,
      { recoveryCodes: false },
    );
    if (!check.ok) return check.refusal;
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await tx.delete(twoFactorSecrets).where(eq(twoFactorSecrets.userId, actor.userId));
    await recordSecurityEvent(tx, {
      kind: "two_factor_disabled",
      userId: actor.userId,
      address: attempt.address,
    });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "two_factor_disabled",
      entityType: "user",
      entityId: actor.userId,
    });
    return null;
  });
  if (refusal) throw refusal;
}
