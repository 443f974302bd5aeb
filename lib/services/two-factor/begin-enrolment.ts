import { sql } from "drizzle-orm";
import { generateSecret } from "otplib";
import type { Database } from "@/db/client";
import { twoFactorSecrets } from "@/db/schema";
import { Refusal } from "@/lib/errors/refusal";

/**
 * A new secret for the person to add to their authenticator app. It counts only once a
 * code from it is confirmed (confirm-enrolment.ts); beginning again replaces a secret
 * never confirmed, never one in use.
 */
export async function beginEnrolment(db: Database, person: { userId: string }): Promise<void> {
  const secret = generateSecret();
  const [row] = await db
    .insert(twoFactorSecrets)
    .values({ userId: person.userId, secret })
    .onConflictDoUpdate({
      target: twoFactorSecrets.userId,
      set: { secret, createdAt: sql`now()`, lastTimeStep: null },
      setWhere: sql`${twoFactorSecrets.confirmedAt} is null`,
    })
    .returning({ userId: twoFactorSecrets.userId });
  if (!row) throw new Refusal("conflict", "Two-factor sign-in is already set up for you.");
}
