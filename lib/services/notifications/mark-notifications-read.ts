import { and, eq, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";

// Reading one's notifications is personal bookkeeping, not a case event: like opening a
// case page, it has no audit entry. The recipient filter means no one can mark another
// person's notifications.

/** Opening a case marks the reader's notifications about it as read. */
export async function markCaseNotificationsRead(
  db: Db,
  actor: Actor,
  concernId: string,
): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, actor.userId),
        eq(notifications.concernId, concernId),
        isNull(notifications.readAt),
      ),
    );
}

/**
 * Alerts about no case (the audit trail's integrity) are read in full on the notifications
 * page, so showing them there marks them read.
 */
export async function markAlertsRead(db: Db, actor: Actor): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, actor.userId),
        isNull(notifications.concernId),
        isNull(notifications.readAt),
      ),
    );
}

export const markAllReadSchema = z.object({
  // The person's newest notification when the page was shown (the button says "all", and
  // the list is paged): one that arrived after the page was shown stays unread, since
  // they could not have seen it.
  upTo: z.coerce
    .number("Reload the page and try again.")
    .int("Reload the page and try again.")
    .positive("Reload the page and try again.")
    .describe("Newest notification shown"),
});

/**
 * "Mark all read": every unread notification of the reader up to the newest they were
 * shown, in one transaction. Returns how many it marked.
 */
export async function markAllNotificationsRead(
  db: Database,
  actor: Actor,
  input: z.input<typeof markAllReadSchema>,
  now = new Date(),
): Promise<number> {
  const { upTo } = markAllReadSchema.parse(input);
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.recipientId, actor.userId),
          isNull(notifications.readAt),
          lte(notifications.id, upTo),
        ),
      )
      .returning({ id: notifications.id });
    return marked.length;
  });
}
