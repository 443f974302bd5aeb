import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { capturedEmails, emailDeliveries, emailPreferences, users } from "@/db/schema";
import { type Actor, hasRole } from "@/lib/authz/permissions";

/**
 * Failed deliveries for administrators: who, what kind, what went wrong, when. Joined to
 * the person only, never to the case, so the page cannot show case content.
 */
export async function listFailedDeliveries(db: Db, limit = 200) {
  return db
    .select({
      id: emailDeliveries.id,
      recipientName: users.name,
      recipientEmail: users.email,
      kind: emailDeliveries.kind,
      attempts: emailDeliveries.attempts,
      lastError: emailDeliveries.lastError,
      createdAt: emailDeliveries.createdAt,
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
 * The development mailbox, newest first: a person's own mail only, since the mail to a
 * reporter links their case and would name a confidential reporter to the colleague who
 * read it; administrators see everyone's, as they look into deliveries.
 */
export async function listCapturedEmails(db: Db, reader: Actor, limit = 100) {
  return db
    .select()
    .from(capturedEmails)
    .where(hasRole(reader, "admin") ? undefined : eq(capturedEmails.toAddress, reader.email))
    .orderBy(desc(capturedEmails.capturedAt), desc(capturedEmails.id))
    .limit(limit);
}
