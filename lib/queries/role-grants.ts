import { aliasedTable, and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roleGrantRequests, users } from "@/db/schema";

const requester = aliasedTable(users, "requester");

/**
 * Roles waiting for a second person's approval, oldest first: for whom, which role, who
 * asked and when. Narrow to one person's with `userId`.
 */
export function listPendingRoleGrants(db: Db, options: { userId?: string } = {}) {
  return db
    .select({
      id: roleGrantRequests.id,
      role: roleGrantRequests.role,
      requestedAt: roleGrantRequests.requestedAt,
      userId: roleGrantRequests.userId,
      userName: users.name,
      userEmail: users.email,
      requestedById: roleGrantRequests.requestedById,
      requestedByName: requester.name,
    })
    .from(roleGrantRequests)
    .innerJoin(users, eq(users.id, roleGrantRequests.userId))
    .innerJoin(requester, eq(requester.id, roleGrantRequests.requestedById))
    .where(
      and(
        isNull(roleGrantRequests.decidedAt),
        options.userId ? eq(roleGrantRequests.userId, options.userId) : undefined,
      ),
    )
    .orderBy(asc(roleGrantRequests.requestedAt), asc(roleGrantRequests.id));
}

export type PendingRoleGrant = Awaited<ReturnType<typeof listPendingRoleGrants>>[number];
