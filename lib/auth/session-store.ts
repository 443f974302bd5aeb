import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authSessions, organisationSettings, userRoles, users } from "@/db/schema";
import type { Actor, Reader } from "@/lib/authz/permissions";
import { resolveTimeZone } from "@/lib/domain/date-words";

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export async function createAuthSession(
  db: Db,
  userId: string,
  now: Date,
  limits: SessionLimits,
): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000),
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

export async function revokeAuthSession(db: Db, sessionId: string, reason: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

export async function revokeAllSessionsOf(db: Db, userId: string, reason: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
}

// Writing last_seen_at on every request would turn every page view into a write; a
// minute's precision is plenty for a 30-minute idle timeout.
const TOUCH_AFTER_MS = 60_000;

/**
 * The person behind a session id, or null when the session was revoked, expired, idled
 * out, or its user was deactivated. Roles are read fresh, so a removed role stops
 * working on the next request; so is the time zone, in the same query.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<Reader | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const idleCutoff = new Date(now.getTime() - limits.idleMinutes * 60_000);
  const [row] = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      departmentId: users.departmentId,
      lastSeenAt: authSessions.lastSeenAt,
      timeZone: users.timeZone,
      organisationTimeZone: sql<string | null>`(select ${organisationSettings.timeZone}
        from ${organisationSettings} limit 1)`,
      roles: sql<Actor["roles"]>`coalesce(
        (select array_agg(${userRoles.role} order by ${userRoles.role})
           from ${userRoles} where ${userRoles.userId} = ${users.id}),
        '{}')`,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, sessionId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
        gt(authSessions.lastSeenAt, idleCutoff),
        isNull(users.deactivatedAt),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sessionId));
  }
  return {
    userId: row.userId,
    sessionId,
    name: row.name,
    email: row.email,
    departmentId: row.departmentId,
    roles: parsePgArray(row.roles),
    timeZone: resolveTimeZone(row.timeZone, row.organisationTimeZone),
  };
}

// node-postgres returns arrays of enum values as the literal '{a,b}', not as a JS array.
function parsePgArray(value: unknown): Actor["roles"] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "string" || value === "{}") return [];
  return value.slice(1, -1).split(",") as unknown as Actor["roles"];
}
