import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountTokenPurpose, accountTokens, users } from "@/db/schema";
import { hashAccountToken } from "@/lib/auth/account-tokens";

/**
 * Whether an emailed link still works, for its page to offer the form or say it does not;
 * the email it is for, so a password manager files the new password under it. The change
 * itself checks again (setPasswordFromLink).
 */
export async function findUsableAccountLink(
  db: Db,
  token: string,
  purpose: AccountTokenPurpose,
  now = new Date(),
): Promise<{ email: string } | null> {
  if (token.length > 200) return null;
  const [row] = await db
    .select({ email: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, now),
        isNull(users.deactivatedAt),
      ),
    );
  return row ?? null;
}
