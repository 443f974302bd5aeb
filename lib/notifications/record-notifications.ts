import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";

export type NotificationRow = typeof notifications.$inferInsert;

/**
 * The one place in-app notification rows are written, inside the caller's transaction.
 * Delivery by other channels hangs off this function, so nothing can notify around it.
 */
export async function recordNotifications(tx: Db, rows: NotificationRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(notifications).values(rows);
}
