import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { concernReporters, concerns, reporterVerdicts, users } from "@/db/schema";
import type { ConcernView } from "@/lib/authz/concern-access";
import type { Severity } from "@/lib/domain/policy-text";
import { readSideBySide } from "./read-side-by-side";

/** The colleagues who joined this case after its first reporter, in the order they joined. */
export async function listFurtherReporterIds(db: Db, concernId: string): Promise<string[]> {
  const rows = await db
    .select({ reporterId: concernReporters.reporterId })
    .from(concernReporters)
    .where(eq(concernReporters.concernId, concernId))
    .orderBy(asc(concernReporters.joinedAt));
  return rows.map((row) => row.reporterId);
}

/** The same for many cases in one query: each case's further reporters, in joining order. */
export async function listFurtherReporterIdsByCase(
  db: Db,
  concernIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  if (concernIds.length === 0) return byCase;
  const rows = await db
    .select({ concernId: concernReporters.concernId, reporterId: concernReporters.reporterId })
    .from(concernReporters)
    .where(inArray(concernReporters.concernId, [...concernIds]))
    .orderBy(asc(concernReporters.joinedAt));
  for (const row of rows)
    byCase.set(row.concernId, [...(byCase.get(row.concernId) ?? []), row.reporterId]);
  return byCase;
}

/**
 * Everyone who raised this case, first reporter first, as this viewer may see them: their
 * words, judgement and, for the response now standing, their answer. Names are selected for
 * officers always, for a reporter only their own, and for the colleague only of those who
 * chose to be named: a confidential reporter's name never leaves the database for them.
 * Call it only for a case the viewer's scope has already found.
 */
/**
 * A reporter's name and email as this viewer may read them, decided in SQL so that a name the
 * viewer may not see is never selected at all.
 */
function identityColumns(
  view: ConcernView,
  viewerId: string,
  columns: { reporterId: AnyPgColumn; disclosure: AnyPgColumn },
) {
  const shown =
    view === "officer"
      ? sql`true`
      : view === "subject"
        ? sql`${columns.disclosure} = 'named'`
        : sql`${columns.reporterId} = ${viewerId}`;
  return {
    name: sql<string | null>`case when ${shown} then ${users.name} end`,
    email: view === "officer" ? sql<string | null>`${users.email}` : sql<string | null>`null`,
  };
}

export async function listCaseReporters(
  db: Db,
  concern: { id: string; respondedAt: Date | null },
  view: ConcernView,
  viewerId: string,
) {
  // Three independent reads, side by side.
  const [first, further, verdicts] = await readSideBySide(db, [
    () =>
      db
        .select({
          reporterId: concerns.reporterId,
          ...identityColumns(view, viewerId, concerns),
          // A concern recorded for an outside source shows the colleague the source's name, never
          // the recording officer's (the same rule as the notice's "raised by").
          ...(view === "subject"
            ? {
                name: sql<
                  string | null
                >`case when ${concerns.disclosure} = 'named' then coalesce(${concerns.sourceName}, ${users.name}) end`,
              }
            : {}),
          description: concerns.description,
          seenOn: concerns.seenOn,
          disclosure: concerns.disclosure,
          // The case's severity is the highest given; the first reporter's own is in the filing.
          severity: sql<Severity | null>`null`,
          joinedAt: sql<Date | null>`null`,
        })
        .from(concerns)
        .innerJoin(users, eq(users.id, concerns.reporterId))
        .where(eq(concerns.id, concern.id)),
    () =>
      db
        .select({
          reporterId: concernReporters.reporterId,
          ...identityColumns(view, viewerId, concernReporters),
          description: concernReporters.description,
          seenOn: concernReporters.seenOn,
          disclosure: concernReporters.disclosure,
          severity: sql<Severity | null>`${concernReporters.severity}::text`,
          joinedAt: sql<Date | null>`${concernReporters.joinedAt}`.mapWith(
            (value: string | null) => (value ? new Date(value) : null),
          ),
        })
        .from(concernReporters)
        .innerJoin(users, eq(users.id, concernReporters.reporterId))
        .where(eq(concernReporters.concernId, concern.id))
        .orderBy(asc(concernReporters.joinedAt)),
    () =>
      concern.respondedAt
        ? db
            .select({ reporterId: reporterVerdicts.reporterId, verdict: reporterVerdicts.verdict })
            .from(reporterVerdicts)
            .where(
              and(
                eq(reporterVerdicts.concernId, concern.id),
                eq(reporterVerdicts.respondedAt, concern.respondedAt),
              ),
            )
        : Promise.resolve([]),
  ]);
  return [...first, ...further].map((row, index) => {
    const isViewer = row.reporterId === viewerId;
    return {
      // Only an officer needs to tell reporters apart by id; a party gets a position.
      key: view === "officer" || isViewer ? row.reporterId : `reporter-${index}`,
      isViewer,
      isFirst: index === 0,
      name: row.name,
      email: row.email,
      description: row.description,
      seenOn: row.seenOn,
      disclosure: row.disclosure,
      severity: row.severity,
      joinedAt: row.joinedAt,
      verdict: verdicts.find((v) => v.reporterId === row.reporterId)?.verdict ?? null,
    };
  });
}

export type CaseReporter = Awaited<ReturnType<typeof listCaseReporters>>[number];

/**
 * Everyone who raised the case and has not yet answered the colleague's standing response:
 * whom a reminder to answer goes to.
 */
export async function listReportersStillToAnswer(
  db: Db,
  concern: { id: string; reporterId: string; respondedAt: Date | null },
): Promise<string[]> {
  const reporters = [concern.reporterId, ...(await listFurtherReporterIds(db, concern.id))];
  if (reporters.length === 1 || !concern.respondedAt) return reporters;
  const answered = await db
    .select({ reporterId: reporterVerdicts.reporterId })
    .from(reporterVerdicts)
    .where(
      and(
        eq(reporterVerdicts.concernId, concern.id),
        eq(reporterVerdicts.respondedAt, concern.respondedAt),
      ),
    );
  return reporters.filter((id) => !answered.some((answer) => answer.reporterId === id));
}
