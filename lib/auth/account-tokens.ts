import { createHash, createHmac, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountTokenPurpose, accountTokens, emailDeliveries, users } from "@/db/schema";
import { enqueueEmailDelivery } from "@/lib/notifications/notify";

/** Starts the delivery key (and so the Message-ID) of every email about an account, not a case. */
export const ACCOUNT_EMAIL_KEY_PREFIX = "account-token";

/** How long a link works: a reset is asked for and used at once; an invitation may wait. */
export const ACCOUNT_TOKEN_LIFETIME_MS: Readonly<Record<AccountTokenPurpose, number>> = {
  password_reset: 30 * 60_000,
  invitation: 7 * 24 * 3_600_000,
};

/** Where each link leads (followed by the token). */
export const ACCOUNT_TOKEN_PATHS: Readonly<Record<AccountTokenPurpose, string>> = {
  password_reset: "/reset-password",
  invitation: "/invitation",
};

/**
 * A link's token is derived from its row's id with the server's secret (AUTH_SECRET), so
 * the email job can put it in the message without the token ever being stored: the
 * database keeps only its SHA-256. Reading the database gives no working link, and the
 * secret alone names no row.
 */
export function accountTokenFor(id: string, secret = process.env.AUTH_SECRET): string {
  if (!secret) throw new Error("AUTH_SECRET is needed to make password links.");
  return createHmac("sha256", secret).update(`account-token:${id}`).digest("base64url");
}

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new link for `userId`, emailed through the outbox (its delivery and send job in the
 * caller's transaction). Any earlier link of the same purpose stops working: only the
 * newest email counts.
 */
export async function issueAccountToken(
  tx: Db,
  input: { userId: string; purpose: AccountTokenPurpose; createdById?: string; now: Date },
): Promise<void> {
  const { userId, purpose, now } = input;
  await tx
    .update(accountTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountTokens.userId, userId),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
      ),
    );
  const id = randomUUID();
  await tx.insert(accountTokens).values({
    id,
    userId,
    purpose,
    tokenHash: hashAccountToken(accountTokenFor(id)),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_LIFETIME_MS[purpose]),
    createdById: input.createdById ?? null,
  });
  const [delivery] = await tx
    .insert(emailDeliveries)
    .values({
      idempotencyKey: `${ACCOUNT_EMAIL_KEY_PREFIX}:${id}`,
      accountTokenId: id,
      recipientId: userId,
      kind: purpose,
    })
    .returning({ id: emailDeliveries.id });
  await enqueueEmailDelivery(tx, delivery!.id);
}

/**
 * The account a link sets the password of, locked for the change, or null when the link
 * is unknown, used, replaced, expired, or its account deactivated. Every one of those is
 * the same answer, so a guessed token learns nothing.
 */
export async function claimAccountToken(
  tx: Db,
  input: { token: string; purpose: AccountTokenPurpose; now: Date },
): Promise<{ tokenId: string; userId: string; email: string } | null> {
  const [row] = await tx
    .select({ tokenId: accountTokens.id, userId: users.id, email: users.email })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(input.token)),
        eq(accountTokens.purpose, input.purpose),
        isNull(accountTokens.usedAt),
        isNull(accountTokens.revokedAt),
        gt(accountTokens.expiresAt, input.now),
        isNull(users.deactivatedAt),
      ),
    )
    .for("update", { of: accountTokens });
  return row ?? null;
}

/** Marks a claimed link used; it was locked by claimAccountToken, so this cannot race. */
export async function useAccountToken(tx: Db, tokenId: string, now: Date): Promise<void> {
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, tokenId));
}
