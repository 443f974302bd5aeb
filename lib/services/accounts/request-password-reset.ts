import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { securityEvents, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { requestPasswordResetSchema } from "./password-schemas";

/** At most this many reset emails per account in RESET_EMAIL_WINDOW: a form is no mail cannon. */
export const RESET_EMAILS_PER_WINDOW = 3;
const RESET_EMAIL_WINDOW = "30 minutes";

/**
 * Someone asks for a reset link for an email address. Whether or not an active account has
 * it, the caller says the same thing, and the request is logged; only a real, active
 * account is emailed (through the outbox), a link that works once for 30 minutes.
 */
export async function requestPasswordReset(
  db: Database,
  input: z.input<typeof requestPasswordResetSchema>,
  context: { address: string | null; now?: Date },
): Promise<void> {
  const { email } = requestPasswordResetSchema.parse(input);
  const now = context.now ?? new Date();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deactivatedAt)))
      .for("update");
    if (user && (await recentRequests(tx, user.id)) < RESET_EMAILS_PER_WINDOW) {
      await issueAccountToken(tx, { userId: user.id, purpose: "password_reset", now });
      await writeAuditEvent(tx, {
        actorId: null,
        action: "password_reset_link_sent",
        entityType: "user",
        entityId: user.id,
      });
    }
    await recordSecurityEvent(tx, {
      kind: "password_reset_requested",
      account: email,
      address: context.address,
    });
  });
}

async function recentRequests(tx: Parameters<typeof recordSecurityEvent>[0], userId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.userId, userId),
        eq(securityEvents.kind, "password_reset_requested"),
        gt(securityEvents.occurredAt, sql`now() - ${RESET_EMAIL_WINDOW}::interval`),
      ),
    );
  return row?.n ?? 0;
}
