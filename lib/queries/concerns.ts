import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, concernReporters, concerns, departments, users } from "@/db/schema";
import { redactedQuotesOf, toTimelineEntry } from "@/lib/audit/timeline";
import { type ConcernView, concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import type { ConcernChannel } from "@/lib/domain/concern-channels";
import { concernReference, type IdentityDisclosure } from "@/lib/domain/concern-fields";
import type { ConcernCategory } from "@/lib/domain/policy-text";
import { describeWho, type TimelineActor } from "@/lib/domain/reader-words";
import { readSideBySide } from "./read-side-by-side";

const reporter = alias(users, "reporter");
const subject = alias(users, "subject");
const assignee = alias(users, "assignee");
const recorder = alias(users, "recorder");

// Who filed is shown to the subject only when the reporter chose to be named; for a
// concern an officer recorded for an outside source, that is the source's name, never the
// officer's.
const reporterNameForSubject = sql<
  string | null
>`case when ${concerns.disclosure} = 'named' then coalesce(${concerns.sourceName}, ${reporter.name}) end`;

const listColumns = {
  id: concerns.id,
  number: concerns.number,
  state: concerns.state,
  severity: concerns.severity,
  platform: concerns.platform,
  createdAt: concerns.createdAt,
  responseDueAt: concerns.responseDueAt,
  confirmationDueAt: concerns.confirmationDueAt,
  escalatedAt: concerns.escalatedAt,
  closedAt: concerns.closedAt,
  noticeOpenedAt: concerns.noticeOpenedAt,
  subjectName: subject.name,
  channel: concerns.channel,
};

export type ConcernListItem = Awaited<ReturnType<typeof listConcernsRaisedBy>>[number];

export async function listConcernsRaisedBy(db: Db, actor: Actor) {
  const rows = await db
    .select(listColumns)
    .from(concerns)
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .where(concernScope(actor, "reporter"))
    .orderBy(desc(concerns.createdAt))
    .limit(500);
  return rows.map(withReference);
}

export async function listNoticesAbout(db: Db, actor: Actor) {
  const rows = await db
    .select({
      ...listColumns,
      reporterName: reporterNameForSubject,
      // Everyone who raised it: the first reporter and those who joined the case.
      reporterCount: sql<number>`1 + (select count(*) from ${concernReporters} where ${concernReporters.concernId} = ${concerns.id})::int`,
    })
    .from(concerns)
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .innerJoin(reporter, eq(reporter.id, concerns.reporterId))
    .where(concernScope(actor, "subject"))
    .orderBy(desc(concerns.createdAt))
    .limit(500);
  return rows.map(withReference);
}

/**
 * One concern as this viewer may see it, or null: the scope is part of the query, so a
 * case outside it is simply not found. The reporter's identity is selected only for the
 * reporter and officers, and for the subject only when the reporter chose to be named.
 */
export async function findConcernFor(db: Db, actor: Actor, view: ConcernView, concernId: string) {
  // A colleague who joined the case reads it through their own report: their words, their
  // choice of disclosure, and nothing of the first reporter's identity.
  const own = view === "reporter" ? joinedReport(actor.userId) : null;
  const mine = <T>(column: AnyPgColumn | SQL, joinedColumn: AnyPgColumn) =>
    own ? sql<T>`coalesce(${joinedColumn}, ${column})` : sql<T>`${column}`;
  const [row] = await db
    .select({
      ...listColumns,
      subjectId: concerns.subjectId,
      // Server-side only, to word the timeline; pages never render it.
      reporterId: concerns.reporterId,
      postUrl: mine<string>(concerns.postUrl, concernReporters.postUrl),
      seenOn: mine<string>(concerns.seenOn, concernReporters.seenOn),
      description: mine<string>(concerns.description, concernReporters.description),
      categories: own
        ? sql<
            ConcernCategory[]
          >`coalesce(${concernReporters.categories}, ${concerns.categories})`.mapWith(
            concerns.categories,
          )
        : concerns.categories,
      otherConsideration: own
        ? sql<
            string | null
          >`case when ${concernReporters.reporterId} is null then ${concerns.otherConsideration} else ${concernReporters.otherConsideration} end`
        : concerns.otherConsideration,
      disclosure: mine<IdentityDisclosure>(concerns.disclosure, concernReporters.disclosure),
      // When this reader joined the case as a further reporter; null for its first reporter.
      joinedAt: own
        ? sql<Date | null>`${concernReporters.joinedAt}`.mapWith((value: string | null) =>
            value ? new Date(value) : null,
          )
        : sql<Date | null>`null`,
      // Who recorded it and the outside source's own name: never in the colleague's query
      // (reporterName carries the source's name to them when it may be shown).
      recordedById: view === "subject" ? sql<string | null>`null` : concerns.recordedById,
      recordedByName: view === "officer" ? recorder.name : sql<string | null>`null`,
      sourceName: view === "subject" ? sql<string | null>`null` : concerns.sourceName,
      remediationAction: concerns.remediationAction,
      responseNote: concerns.responseNote,
      respondedAt: concerns.respondedAt,
      outcome: concerns.outcome,
      outcomeSummary: concerns.outcomeSummary,
      // The officers' reasons are internal: a party's query never carries them.
      outcomeRationale: view === "officer" ? concerns.outcomeRationale : sql<string | null>`null`,
      externalAuthority: view === "officer" ? concerns.externalAuthority : sql<string | null>`null`,
      // Which officer holds the case is officers' business only.
      assigneeId: view === "officer" ? concerns.assigneeId : sql<string | null>`null`,
      assigneeName: view === "officer" ? assignee.name : sql<string | null>`null`,
      triageDueAt: concerns.triageDueAt,
      decisionDueAt: concerns.decisionDueAt,
      departmentName: departments.name,
      reporterName:
        view === "subject"
          ? reporterNameForSubject
          : view === "reporter"
            ? sql<
                string | null
              >`case when ${concerns.reporterId} = ${actor.userId} then ${reporter.name} end`
            : reporter.name,
      reporterEmail: view === "officer" ? reporter.email : sql<string | null>`null`,
    })
    .from(concerns)
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .innerJoin(reporter, eq(reporter.id, concerns.reporterId))
    .leftJoin(departments, eq(departments.id, concerns.subjectDepartmentId))
    .leftJoin(assignee, eq(assignee.id, concerns.assigneeId))
    .leftJoin(recorder, eq(recorder.id, concerns.recordedById))
    .leftJoin(concernReporters, own ?? sql`false`)
    .where(and(eq(concerns.id, concernId), concernScope(actor, view)));
  return row ? withReference(row) : null;
}

/** The join to this reader's own report on a case they joined. */
function joinedReport(userId: string): SQL {
  return and(eq(concernReporters.concernId, concerns.id), eq(concernReporters.reporterId, userId))!;
}

export type ConcernDetail = NonNullable<Awaited<ReturnType<typeof findConcernFor>>>;

function withReference<T extends { number: number }>(row: T): T & { reference: string } {
  return { ...row, reference: concernReference(row.number) };
}

/**
 * The case's history from its audit events, worded for the viewer: the audit catalogue
 * says which events and words each viewer sees. The reporter's name appears only where
 * the viewer may know it.
 */
export async function listTimeline(
  db: Db,
  concern: ConcernDetail,
  view: ConcernView,
  viewerId: string,
) {
  const [rows, furtherReporters] = await readSideBySide(db, [
    () =>
      db
        .select({
          id: auditEvents.id,
          at: auditEvents.occurredAt,
          action: auditEvents.action,
          actorId: auditEvents.actorId,
          actorName: users.name,
          details: auditEvents.details,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(eq(auditEvents.entityType, "concern"), eq(auditEvents.entityId, concern.id)))
        .orderBy(asc(auditEvents.id)),
    () =>
      db
        .select({
          reporterId: concernReporters.reporterId,
          disclosure: concernReporters.disclosure,
        })
        .from(concernReporters)
        .where(eq(concernReporters.concernId, concern.id)),
  ]);
  const redacted = redactedQuotesOf(rows);
  return rows.flatMap((row) => {
    const who = describeActor(row, concern, furtherReporters, view, viewerId);
    const entry = toTimelineEntry(row, view, who, redacted);
    if (!entry) return [];
    // Only officers may know every actor's name; a party's entries carry the words alone,
    // so a confidential reporter's name never reaches the colleague's page data.
    return [
      view === "officer"
        ? { ...entry, by: actorOf(row, concern, furtherReporters, viewerId) }
        : entry,
    ];
  });
}

/**
 * Who did it, in the viewer's words. Each reporter is named to the colleague only if they
 * chose to be; to one another, reporters are only ever "another colleague".
 */
function describeActor(
  row: { actorId: string | null; actorName: string | null },
  concern: {
    subjectId: string;
    reporterId: string;
    disclosure: string;
    reporterName: string | null;
    channel: ConcernChannel;
  },
  furtherReporters: readonly { reporterId: string; disclosure: string }[],
  view: ConcernView,
  viewerId: string,
): string {
  const further = furtherReporters.find((reporter) => reporter.reporterId === row.actorId);
  const { party } = actorOf(row, concern, furtherReporters, viewerId);
  if (party === "reporter" && view === "reporter" && row.actorId !== viewerId) {
    return "Another colleague who raised this";
  }
  // The colleague's query already holds the name they may know of the first reporter (an
  // outside source's, never the recording officer's); a further reporter is their own name.
  const name =
    party === "reporter" && view === "subject" && !further ? concern.reporterName : row.actorName;
  // A concern recorded from a call, a letter or an outside body was not raised by a colleague
  // the reader works with: the colleague reads the source's name if it may be shown.
  if (party === "reporter" && view === "subject" && !further && concern.channel !== "web") {
    return name ?? "The person who raised this";
  }
  return describeWho(
    { party, name, isReader: row.actorId === viewerId },
    view,
    (further?.disclosure ?? concern.disclosure) === "named",
  );
}

/** Who acted and on which side, by name: for officers and the export only. */
function actorOf(
  row: { actorId: string | null; actorName: string | null },
  concern: { subjectId: string; reporterId: string },
  furtherReporters: readonly { reporterId: string }[],
  viewerId: string,
): TimelineActor {
  const further = furtherReporters.some((reporter) => reporter.reporterId === row.actorId);
  const party = !row.actorId
    ? "system"
    : row.actorId === concern.subjectId
      ? "subject"
      : row.actorId === concern.reporterId || further
        ? "reporter"
        : "officer";
  return { party, name: row.actorName, isReader: row.actorId === viewerId };
}
