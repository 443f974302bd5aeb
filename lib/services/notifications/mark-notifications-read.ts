import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";

/**
 * Marks the reader's own notifications about one case (or, with null, those about no case,
 * which are read in full on the notifications page; or all of them) as read. Personal
 * bookkeeping, not a case event, so it has no audit entry; the recipient filter means no
 * one can mark another person's notifications.
 */
export async function markNotificationsRead(
  db: Db,
  actor: Actor,
  concernId?: string | null,
): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, actor.userId),
        isNull(notifications.readAt),
        concernId === null
          ? isNull(notifications.concernId)
          : concernId
            ? eq(notifications.concernId, concernId)
            : undefined,
      ),
    );
}
