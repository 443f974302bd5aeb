import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz/permissions";

export async function countUnreadNotifications(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, actor.userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

export async function listNotifications(db: Db, actor: Actor, limit = 100) {
  return db
    .select({
      id: notifications.id,
      concernId: notifications.concernId,
      relation: notifications.recipientRelation,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.recipientId, actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
