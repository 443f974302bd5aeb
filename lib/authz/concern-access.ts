import { and, eq, exists, isNotNull, ne, not, or, type SQL, sql } from "drizzle-orm";
import { concernReporters, concerns } from "@/db/schema";
import { type Actor, can } from "./permissions";

export type ConcernView = "reporter" | "subject" | "officer";

interface ConcernParties {
  reporterId: string;
  subjectId: string;
  escalatedAt: Date | null;
  /** Colleagues who raised the same post later and joined the case (concern_reporters). */
  furtherReporterIds?: readonly string[];
}

/**
 * How this person relates to this concern, or null when it is none of their business.
 * A party to a case never acts on it as an officer: an officer who filed a concern, joined
 * one as a further reporter, or is its subject, sees it only from that side.
 */
export function relationToConcern(actor: Actor, concern: ConcernParties): ConcernView | null {
  if (concern.reporterId === actor.userId) return "reporter";
  if (concern.furtherReporterIds?.includes(actor.userId)) return "reporter";
  if (concern.subjectId === actor.userId) return "subject";
  if (concern.escalatedAt && can(actor, "compliance:work")) return "officer";
  return null;
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
      return can(actor, "concerns:file")
        ? or(eq(concerns.reporterId, actor.userId), joinedBy(actor.userId))!
        : sql`false`;
    case "subject":
      return can(actor, "notices:respond") ? eq(concerns.subjectId, actor.userId) : sql`false`;
    case "officer":
      return can(actor, "compliance:work")
        ? and(
            isNotNull(concerns.escalatedAt),
            ne(concerns.reporterId, actor.userId),
            ne(concerns.subjectId, actor.userId),
            not(joinedBy(actor.userId)),
          )!
        : sql`false`;
  }
}
