import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { concerns } from "@/db/schema";
import { concernReference, type IdentityDisclosure } from "@/lib/domain/concern-fields";
import { mayRetaliate, RETALIATION_WINDOW_MS } from "@/lib/domain/retaliation";

/**
 * The concerns that make this one, or that this one makes, possible retaliation: between
 * the same two people the other way round, by the rule in lib/domain/retaliation.ts. For
 * officers only (the compliance case file); parties never see the mark.
 */
export async function listRetaliationLinks(
  db: Db,
  concern: {
    id: string;
    reporterId: string;
    subjectId: string;
    createdAt: Date;
    disclosure: IdentityDisclosure;
  },
) {
  // Every concern the colleague raised about this one's reporter: few, by the reporter index.
  const reversed = await db
    .select({
      id: concerns.id,
      number: concerns.number,
      reporterId: concerns.reporterId,
      subjectId: concerns.subjectId,
      createdAt: concerns.createdAt,
      disclosure: concerns.disclosure,
      escalatedAt: concerns.escalatedAt,
    })
    .from(concerns)
    .where(
      and(eq(concerns.reporterId, concern.subjectId), eq(concerns.subjectId, concern.reporterId)),
    )
    .orderBy(asc(concerns.createdAt))
    .limit(100);
  return reversed.flatMap((other) => {
    const link = mayRetaliate(concern, other)
      ? ("answers" as const)
      : mayRetaliate(other, concern)
        ? ("answered_by" as const)
        : null;
    if (!link) return [];
    return [
      {
        link,
        id: other.id,
        reference: concernReference(other.number),
        createdAt: other.createdAt,
        escalatedAt: other.escalatedAt,
      },
    ];
  });
}

export type RetaliationLink = Awaited<ReturnType<typeof listRetaliationLinks>>[number];

/**
 * The same rule in SQL, for counting: the concern in `table` may be retaliation for an
 * earlier one. Pinned to `mayRetaliate` by tests/integration/retaliation.test.ts.
 */
export function mayRetaliateSql(later: {
  reporterId: AnyPgColumn;
  subjectId: AnyPgColumn;
  createdAt: AnyPgColumn;
}): SQL<boolean> {
  const windowSeconds = RETALIATION_WINDOW_MS / 1000;
  return sql<boolean>`exists (
    select 1 from concerns earlier
     where earlier.reporter_id = ${later.subjectId}
       and earlier.subject_id = ${later.reporterId}
       and earlier.created_at < ${later.createdAt}
       and (earlier.created_at >= ${later.createdAt} - make_interval(secs => ${windowSeconds})
            or earlier.disclosure = 'named'))`;
}
