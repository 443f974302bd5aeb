import { desc, eq, like, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capturedEmails, emailDeliveries, emailPreferences, users } from "@/db/schema";
import { ACCOUNT_EMAIL_KEY_PREFIX } from "@/lib/auth/account-tokens";
import { type Actor, hasRole } from "@/lib/authz/permissions";

/**
 * Failed deliveries for administrators: who, what went wrong, when. Joined to the person
 * only, never to the case; and not the kind, since "a notice" to one person and "a
 * response" to another at the same hour would pair a reporter with their colleague.
 */
export async function listFailedDeliveries(db: Db, limit = 200) {
  return db
    .select({
      id: emailDeliveries.id,
      recipientName: users.name,
      recipientEmail: users.email,
      lastError: emailDeliveries.lastError,
      failedAt: emailDeliveries.failedAt,
    })
    .from(emailDeliveries)
    .innerJoin(users, eq(users.id, emailDeliveries.recipientId))
    .where(eq(emailDeliveries.status, "failed"))
    .orderBy(desc(emailDeliveries.failedAt), desc(emailDeliveries.id))
    .limit(limit);
}

export async function loadEmailPreferences(db: Db, actor: Actor) {
  const [row] = await db
    .select({ remindersByEmail: emailPreferences.remindersByEmail })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, actor.userId));
  return { remindersByEmail: row?.remindersByEmail ?? true };
}

/**
 * The development mailbox, newest first: a person's own mail only, since who is emailed
 * about a case, and when, pairs its reporter with its colleague. Administrators also see
 * the account emails (invitations and password links, which name no case): a person who
 * has not set a password yet cannot sign in to read their own.
 */
export async function listCapturedEmails(db: Db, reader: Actor, limit = 100) {
  const own = eq(capturedEmails.toAddress, reader.email);
  return db
    .select()
    .from(capturedEmails)
    .where(
      hasRole(reader, "admin")
        ? or(own, like(capturedEmails.messageId, `<${ACCOUNT_EMAIL_KEY_PREFIX}-%`))
        : own,
    )
    .orderBy(desc(capturedEmails.capturedAt), desc(capturedEmails.id))
    .limit(limit);
}
