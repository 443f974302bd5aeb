import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  authSessions,
  organisationSettings,
  twoFactorSecrets,
  userRoles,
  users,
} from "@/db/schema";
import type { Actor, Reader } from "@/lib/authz/permissions";
import { resolveTimeZone } from "@/lib/domain/date-words";
import { type SessionStep, sessionStep } from "@/lib/domain/two-factor";

export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
}

export async function createAuthSession(
  db: Db,
  userId: string,
  now: Date,
  limits: SessionLimits,
  /** Set where the second factor was already passed (tests, and nothing else today). */
  secondFactorAt: Date | null = null,
): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      userId,
      secondFactorAt,
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

/** A live session and what it still owes before it opens anything (lib/domain/two-factor.ts). */
export interface LoadedSession {
  reader: Reader;
  step: SessionStep;
}

/**
 * The person behind a session id only when the session is complete: a session that still
 * owes its second factor opens nothing, wherever it is presented.
 */
export async function loadSessionActor(
  db: Db,
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<Reader | null> {
  const session = await loadSession(db, sessionId, now, limits);
  return session?.step === "complete" ? session.reader : null;
}

/** The second factor is passed: the session now counts in full. */
export async function markSecondFactorPassed(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.update(authSessions).set({ secondFactorAt: now }).where(eq(authSessions.id, sessionId));
}

/**
 * The session behind an id, or null when it was revoked, expired, idled out, or its user
 * was deactivated. Roles are read fresh, so a removed role stops working on the next
 * request; so are the time zone and whether two-factor sign-in is owed, in the same query.
 */
export async function loadSession(
  db: Db,
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<LoadedSession | null> {
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
      twoFactorForEveryone: sql<boolean | null>`(select
        ${organisationSettings.twoFactorForEveryone} from ${organisationSettings} limit 1)`,
      enrolled: sql<boolean>`exists (select 1 from ${twoFactorSecrets}
        where ${twoFactorSecrets.userId} = ${users.id}
          and ${twoFactorSecrets.confirmedAt} is not null)`,
      secondFactorAt: authSessions.secondFactorAt,
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
  const roles = parsePgArray(row.roles);
  return {
    reader: {
      userId: row.userId,
      sessionId,
      name: row.name,
      email: row.email,
      departmentId: row.departmentId,
      roles,
      timeZone: resolveTimeZone(row.timeZone, row.organisationTimeZone),
    },
    step: sessionStep({
      roles,
      requiredForEveryone: row.twoFactorForEveryone === true,
      enrolled: row.enrolled,
      secondFactorPassed: row.secondFactorAt !== null,
    }),
  };
}

// node-postgres returns arrays of enum values as the literal '{a,b}', not as a JS array.
function parsePgArray(value: unknown): Actor["roles"] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "string" || value === "{}") return [];
  return value.slice(1, -1).split(",") as unknown as Actor["roles"];
}
