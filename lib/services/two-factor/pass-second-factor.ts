import { and, eq, isNotNull } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { twoFactorSecrets } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { markSecondFactorPassed } from "@/lib/auth/session-store";
import { Refusal } from "@/lib/errors/refusal";
import { type CodeAttempt, checkSecondFactor } from "./second-factor-check";
import { secondFactorSchema } from "./two-factor-schemas";

/**
 * Signing in, after the password: a code from the app or an unused recovery code
 * completes the session. A recovery code is spent, recorded and audited.
 */
export async function passSecondFactor(
  db: Database,
  attempt: CodeAttempt & { sessionId: string },
  input: z.input<typeof secondFactorSchema>,
): Promise<void> {
  const { code } = secondFactorSchema.parse(input);
  const refusal = await db.transaction(async (tx) => {
    const [secret] = await tx
      .select()
      .from(twoFactorSecrets)
      .where(
        and(eq(twoFactorSecrets.userId, attempt.userId), isNotNull(twoFactorSecrets.confirmedAt)),
      )
      .for("update");
    if (!secret) return new Refusal("conflict", "Two-factor sign-in is not set up for you.");
    const check = await checkSecondFactor(tx, attempt, secret, code, { recoveryCodes: true });
    if (!check.ok) return check.refusal;
    await markSecondFactorPassed(tx, attempt.sessionId, attempt.now);
    if (check.via === "recovery_code") {
      await recordSecurityEvent(tx, {
        kind: "recovery_code_used",
        userId: attempt.userId,
        address: attempt.address,
      });
      await writeAuditEvent(tx, {
        actorId: attempt.userId,
        action: "recovery_code_used",
        entityType: "user",
        entityId: attempt.userId,
        details: { remaining: check.remaining },
      });
    }
    return null;
  });
  if (refusal) throw refusal;
}
