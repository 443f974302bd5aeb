import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { twoFactorSecrets } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { markSecondFactorPassed } from "@/lib/auth/session-store";
import { Refusal } from "@/lib/errors/refusal";
import {
  type CodeAttempt,
  checkSecondFactor,
  makeRecoveryCodes,
  replaceRecoveryCodes,
} from "./second-factor-check";
import { confirmEnrolmentSchema } from "./two-factor-schemas";

/**
 * The first right code from the new secret turns two-factor sign-in on, makes the recovery
 * codes (returned to be shown this once) and completes the session it was done in.
 */
export async function confirmEnrolment(
  db: Database,
  attempt: CodeAttempt & { sessionId: string },
  input: z.input<typeof confirmEnrolmentSchema>,
): Promise<{ recoveryCodes: string[] }> {
  const { code } = confirmEnrolmentSchema.parse(input);
  const { codes, hashes } = await makeRecoveryCodes();
  const refusal = await db.transaction(async (tx) => {
    const [pending] = await tx
      .select()
      .from(twoFactorSecrets)
      .where(eq(twoFactorSecrets.userId, attempt.userId))
      .for("update");
    if (!pending) return new Refusal("conflict", "Start again: set up two-factor sign-in first.");
    if (pending.confirmedAt)
      return new Refusal("conflict", "Two-factor sign-in is already set up for you.");
    const check = await checkSecondFactor(tx, attempt, pending, code, { recoveryCodes: false });
    if (!check.ok) return check.refusal;
    await tx
      .update(twoFactorSecrets)
      .set({ confirmedAt: attempt.now })
      .where(eq(twoFactorSecrets.userId, attempt.userId));
    await replaceRecoveryCodes(tx, attempt.userId, hashes);
    await markSecondFactorPassed(tx, attempt.sessionId, attempt.now);
    await recordSecurityEvent(tx, {
      kind: "two_factor_enrolled",
      userId: attempt.userId,
      address: attempt.address,
    });
    await writeAuditEvent(tx, {
      actorId: attempt.userId,
      action: "two_factor_enrolled",
      entityType: "user",
      entityId: attempt.userId,
    });
    return null;
  });
  if (refusal) throw refusal;
  return { recoveryCodes: codes };
}
