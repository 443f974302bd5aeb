import { and, eq, exists, isNotNull, ne, not, notExists, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseRecusals, concernReporters, concerns } from "@/db/schema";
import { type Actor, can } from "./permissions";

export type ConcernView = "reporter" | "subject" | "officer";

interface ConcernParties {
  reporterId: string;
  subjectId: string;
  escalatedAt: Date | null;
  /** Colleagues who raised the same post later and joined the case (concern_reporters). */
  furtherReporterIds?: readonly string[];
}

/** Whether the actor takes the reporter's steps on this case (the same rule as concernScope). */
export function followsAsReporter(
  actor: Actor,
  concern: { reporterId: string; recordedById: string | null },
): boolean {
  if (concern.reporterId !== actor.userId) return false;
  return (
    can(actor, "concerns:file") ||
    (can(actor, "concerns:record") && concern.recordedById === actor.userId)
  );
}

/**
 * How this person relates to this concern, or null when it is none of their business.
 * A party to a case never acts on it as an officer: an officer who filed a concern, joined
 * one as a further reporter, or is its subject, sees it only from that side. An officer who
 * recused from it (see `recusedFrom`) has no view of it at all.
 */
export function relationToConcern(
  actor: Actor,
  concern: ConcernParties,
  recused: boolean,
): ConcernView | null {
  if (concern.reporterId === actor.userId) return "reporter";
  if (concern.furtherReporterIds?.includes(actor.userId)) return "reporter";
  if (concern.subjectId === actor.userId) return "subject";
  if (concern.escalatedAt && can(actor, "compliance:work") && !recused) return "officer";
  return null;
}

/** Whether this person stepped aside from this case; read under the caller's lock. */
export async function recusedFrom(db: Db, actor: Actor, concernId: string): Promise<boolean> {
  const [row] = await db
    .select({ at: caseRecusals.recusedAt })
    .from(caseRecusals)
    .where(and(eq(caseRecusals.concernId, concernId), eq(caseRecusals.officerId, actor.userId)));
  return Boolean(row);
}

/** The officers' scope leaves out the cases this person recused from. */
export function notRecused(officerId: string): SQL {
  return notExists(
    sql`(select 1 from ${caseRecusals} where ${caseRecusals.concernId} = ${concerns.id} and ${caseRecusals.officerId} = ${officerId})`,
  );
}

/** The case has this person among its further reporters. */
function joinedBy(userId: string): SQL {
  return exists(
    sql`(select 1 from ${concernReporters} where ${concernReporters.concernId} = ${concerns.id} and ${concernReporters.reporterId} = ${userId})`,
  );
}

/**
 * The same rule as a query condition, so a page reading concerns for a view simply does
 * not find the ones this person may not see: a changed id in a URL is "not found".
 * Physicians must hold their role: a former physician keeps no view of notices.
 */
export function concernScope(actor: Actor, view: ConcernView): SQL {
  switch (view) {
    case "reporter":
      if (can(actor, "concerns:file")) {
        return or(eq(concerns.reporterId, actor.userId), joinedBy(actor.userId))!;
      }
      // An officer is a reporter only of what they recorded for an anonymous or outside source.
      return can(actor, "concerns:record")
        ? and(eq(concerns.reporterId, actor.userId), eq(concerns.recordedById, actor.userId))!
        : sql`false`;
    case "subject":
      return can(actor, "notices:respond") ? eq(concerns.subjectId, actor.userId) : sql`false`;
    case "officer":
      return can(actor, "compliance:work")
        ? and(
            isNotNull(concerns.escalatedAt),
            ne(concerns.reporterId, actor.userId),
            ne(concerns.subjectId, actor.userId),
            notRecused(actor.userId),
            not(joinedBy(actor.userId)),
          )!
        : sql`false`;
  }
}
