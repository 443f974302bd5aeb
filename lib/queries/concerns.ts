import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEvents, concerns, departments, users } from "@/db/schema";
import { redactedQuotesOf, toTimelineEntry } from "@/lib/audit/timeline";
import { type ConcernView, concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import { describeWho, type TimelineActor } from "@/lib/domain/reader-words";

const reporter = alias(users, "reporter");
const subject = alias(users, "subject");
const assignee = alias(users, "assignee");

// Who filed is shown to the subject only when the reporter chose to be named.
const reporterNameForSubject = sql<
  string | null
>`case when ${concerns.disclosure} = 'named' then ${reporter.name} end`;

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
    .select({ ...listColumns, reporterName: reporterNameForSubject })
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
  const [row] = await db
    .select({
      ...listColumns,
      subjectId: concerns.subjectId,
      // Server-side only, to word the timeline; pages never render it.
      reporterId: concerns.reporterId,
      postUrl: concerns.postUrl,
      seenOn: concerns.seenOn,
      description: concerns.description,
      categories: concerns.categories,
      otherConsideration: concerns.otherConsideration,
      disclosure: concerns.disclosure,
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
      reporterName: view === "subject" ? reporterNameForSubject : reporter.name,
      reporterEmail: view === "officer" ? reporter.email : sql<string | null>`null`,
    })
    .from(concerns)
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .innerJoin(reporter, eq(reporter.id, concerns.reporterId))
    .leftJoin(departments, eq(departments.id, concerns.subjectDepartmentId))
    .leftJoin(assignee, eq(assignee.id, concerns.assigneeId))
    .where(and(eq(concerns.id, concernId), concernScope(actor, view)));
  return row ? withReference(row) : null;
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
  const rows = await db
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
    .orderBy(asc(auditEvents.id));
  const redacted = redactedQuotesOf(rows);
  return rows.flatMap((row) => {
    const by = actorOf(row, concern, viewerId);
    const who = describeWho(by, view, concern.disclosure === "named");
    const entry = toTimelineEntry(row, view, who, redacted);
    if (!entry) return [];
    // Only officers may know every actor's name; a party's entries carry the words alone,
    // so a confidential reporter's name never reaches the colleague's page data.
    return [view === "officer" ? { ...entry, by } : entry];
  });
}

function actorOf(
  row: { actorId: string | null; actorName: string | null },
  concern: { subjectId: string; reporterId: string },
  viewerId: string,
): TimelineActor {
  const party = !row.actorId
    ? "system"
    : row.actorId === concern.subjectId
      ? "subject"
      : row.actorId === concern.reporterId
        ? "reporter"
        : "officer";
  return { party, name: row.actorName, isReader: row.actorId === viewerId };
}
