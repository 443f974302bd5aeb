import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recoveryCodes, twoFactorSecrets } from "@/db/schema";

export interface TwoFactorStatus {
  enrolledAt: Date | null;
  /** A secret shown for setting up, not yet confirmed with a code; only ever the person's own. */
  pendingSecret: string | null;
  unusedRecoveryCodes: number;
}

/** A person's own two-factor state, for their own pages only. */
export async function loadTwoFactorStatus(db: Db, userId: string): Promise<TwoFactorStatus> {
  const [secret] = await db
    .select({ secret: twoFactorSecrets.secret, confirmedAt: twoFactorSecrets.confirmedAt })
    .from(twoFactorSecrets)
    .where(eq(twoFactorSecrets.userId, userId));
  const [codes] = await db
    .select({ unused: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return {
    enrolledAt: secret?.confirmedAt ?? null,
    pendingSecret: secret && !secret.confirmedAt ? secret.secret : null,
    unusedRecoveryCodes: codes?.unused ?? 0,
  };
}
