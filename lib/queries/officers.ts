import { and, asc, eq, isNull, notExists, notInArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseRecusals, userRoles, users } from "@/db/schema";

/**
 * Active compliance officers, by name: the one query for whom a case can go to. Leave out
 * a case's parties with `excluding` and the officers who recused from it with `forCase`;
 * narrow to a department, or to one person to check that they are an officer.
 */
export function activeOfficers(
  db: Db,
  options: { excluding?: string[]; forCase?: string; departmentId?: string; id?: string } = {},
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
    )
    .where(
      and(
        isNull(users.deactivatedAt),
        options.excluding?.length ? notInArray(users.id, options.excluding) : undefined,
        options.departmentId ? eq(users.departmentId, options.departmentId) : undefined,
        options.id ? eq(users.id, options.id) : undefined,
        options.forCase
          ? notExists(
              sql`(select 1 from ${caseRecusals} where ${caseRecusals.concernId} = ${options.forCase} and ${caseRecusals.officerId} = ${users.id})`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

/**
 * Every active compliance officer by name, with their department and which of `concernIds`
 * they recused from: what routing many cases' notifications at once needs, in one query
 * (lib/notifications/notify-case.ts), under the same conditions as activeOfficers.
 */
export function activeOfficersForCases(
  db: Db,
  concernIds: readonly string[],
): Promise<{ id: string; departmentId: string | null; recusedFrom: string[] }[]> {
  return db
    .select({
      id: users.id,
      departmentId: users.departmentId,
      recusedFrom: sql<string[]>`array(
        select ${caseRecusals.concernId}::text from ${caseRecusals}
        where ${caseRecusals.officerId} = ${users.id}
          and ${caseRecusals.concernId} = any(${`{${concernIds.join(",")}}`}::uuid[]))`,
    })
    .from(users)
    .innerJoin(
      userRoles,
      and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
    )
    .where(isNull(users.deactivatedAt))
    .orderBy(asc(users.name));
}
