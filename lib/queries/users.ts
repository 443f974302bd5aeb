import { and, asc, eq, ilike, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, userRoles, users } from "@/db/schema";
import type { Role } from "@/lib/authz/roles";

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  departmentId: string | null;
  departmentName: string | null;
  roles: Role[];
  active: boolean;
  /** Whether the person has set a password (else: invited, or SSO only). Never the password. */
  hasPassword: boolean;
}

const rolesOfUser = sql<Role[]>`coalesce(
  (select json_agg(${userRoles.role} order by ${userRoles.role})
     from ${userRoles} where ${userRoles.userId} = ${users.id}),
  '[]'::json)`;

const summaryColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  departmentId: users.departmentId,
  departmentName: departments.name,
  roles: rolesOfUser,
  active: sql<boolean>`${users.deactivatedAt} is null`,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
};

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(
  db: Db,
  filter: { search?: string; role?: Role; status?: "active" | "deactivated" },
): Promise<UserSummary[]> {
  const conditions: SQL[] = [];
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
  }
  if (filter.role) {
    conditions.push(
      sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id} and ${userRoles.role} = ${filter.role})`,
    );
  }
  if (filter.status === "active") conditions.push(isNull(users.deactivatedAt));
  if (filter.status === "deactivated") conditions.push(isNotNull(users.deactivatedAt));
  return db
    .select(summaryColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(...conditions))
    .orderBy(asc(users.name))
    .limit(500);
}

export async function findUserSummary(db: Db, userId: string): Promise<UserSummary | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  return row ?? null;
}

export interface DirectoryEntry {
  id: string;
  name: string;
  departmentName: string | null;
}

/**
 * The organisation's directory as a physician picking a colleague sees it: active
 * physicians other than the person searching, by name or email, no other details.
 */
export async function searchDirectory(
  db: Db,
  params: { query: string; excludeUserId: string; limit?: number },
): Promise<DirectoryEntry[]> {
  const query = params.query.trim();
  if (query.length < 2) return [];
  const pattern = containsPattern(query);
  return db
    .select({ id: users.id, name: users.name, departmentName: departments.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "physician")))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(
        isNull(users.deactivatedAt),
        ne(users.id, params.excludeUserId),
        or(ilike(users.name, pattern), ilike(users.email, pattern)),
      ),
    )
    .orderBy(asc(users.name))
    .limit(params.limit ?? 10);
}

/** One colleague as the directory shows them, if they may be chosen (an active physician). */
export async function findDirectoryEntry(
  db: Db,
  params: { id: string; excludeUserId: string },
): Promise<DirectoryEntry | undefined> {
  const [entry] = await db
    .select({ id: users.id, name: users.name, departmentName: departments.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "physician")))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(
      and(isNull(users.deactivatedAt), ne(users.id, params.excludeUserId), eq(users.id, params.id)),
    );
  return entry;
}

/** Departments with how many active people each has, for administrators. */
export function listDepartmentsWithCounts(db: Db) {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      people: sql<number>`count(${users.id})::int`,
    })
    .from(departments)
    .leftJoin(users, and(eq(users.departmentId, departments.id), isNull(users.deactivatedAt)))
    .groupBy(departments.id)
    .orderBy(asc(departments.name));
}

export async function listDepartments(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .orderBy(asc(departments.name));
}

/** The zone a person chose for themself, or null when they read the organisation's. */
export async function findOwnTimeZone(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, userId));
  return row?.timeZone ?? null;
}
