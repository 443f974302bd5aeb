import { and, asc, eq, type SQL, sql } from "drizzle-orm";
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
import {
  FIRST_PAGE,
  type KeysetPage,
  type KeysetPosition,
  keysetCondition,
  keysetOrder,
  microsOf,
  type PageRequest,
  readKeysetPage,
} from "./keyset-page";
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

/** Concerns per page of "My concerns" and of the notices about one's posts. */
export const CONCERNS_PER_PAGE = 25;

export type ConcernListItem = Awaited<ReturnType<typeof listConcernsRaisedBy>>["rows"][number];

/**
 * One page of the concerns this person raised, newest first: the ones they filed and the
 * cases they joined, each read through its own index (see `raisedBy`), with how many there
 * are in all and where this page starts among them.
 */
export async function listConcernsRaisedBy(
  db: Db,
  actor: Actor,
  request: PageRequest = FIRST_PAGE,
  size = CONCERNS_PER_PAGE,
) {
  const [page, counts] = await Promise.all([
    readKeysetPage(
      request,
      size,
      (at, limit) =>
        db
          .select({ ...listColumns, micros: microsOf(concerns.createdAt) })
          .from(concerns)
          .innerJoin(subject, eq(subject.id, concerns.subjectId))
          .where(raisedBy(db, actor, at, limit))
          .orderBy(...keysetOrder(concerns.createdAt, concerns.id, at))
          .limit(limit),
      concernPosition,
    ),
    db
      .select(countsAround(request))
      .from(concerns)
      .where(raisedBy(db, actor, FIRST_PAGE, null)),
  ]);
  return withCounts(page, counts[0], request);
}

/**
 * The reporter's scope as two index walks: "reporter or joined" in one condition would make
 * PostgreSQL filter every concern. Each branch keeps the whole scope, so together they are
 * exactly it; each reads at most `limit` rows from where the page starts.
 */
function raisedBy(db: Db, actor: Actor, request: PageRequest, limit: number | null): SQL {
  const scope = concernScope(actor, "reporter");
  const start = keysetCondition(concerns.createdAt, concerns.id, "uuid", request);
  const order = keysetOrder(concerns.createdAt, concerns.id, request);
  const filed = db
    .select({ id: concerns.id })
    .from(concerns)
    .where(and(eq(concerns.reporterId, actor.userId), scope, start))
    .orderBy(...order);
  const joined = db
    .select({ id: concerns.id })
    .from(concernReporters)
    .innerJoin(concerns, eq(concerns.id, concernReporters.concernId))
    .where(and(eq(concernReporters.reporterId, actor.userId), scope, start))
    .orderBy(...order);
  return limit === null
    ? sql`${concerns.id} in ((${filed}) union all (${joined}))`
    : sql`${concerns.id} in ((${filed.limit(limit)}) union all (${joined.limit(limit)}))`;
}

/** One page of the concerns raised about this person's posts, newest first. */
export async function listNoticesAbout(
  db: Db,
  actor: Actor,
  request: PageRequest = FIRST_PAGE,
  size = CONCERNS_PER_PAGE,
) {
  const [page, counts] = await Promise.all([
    readKeysetPage(
      request,
      size,
      (at, limit) =>
        db
          .select({
            ...listColumns,
            micros: microsOf(concerns.createdAt),
            reporterName: reporterNameForSubject,
            // Everyone who raised it: the first reporter and those who joined the case.
            reporterCount: sql<number>`1 + (select count(*) from ${concernReporters} where ${concernReporters.concernId} = ${concerns.id})::int`,
          })
          .from(concerns)
          .innerJoin(subject, eq(subject.id, concerns.subjectId))
          .innerJoin(reporter, eq(reporter.id, concerns.reporterId))
          .where(
            and(
              concernScope(actor, "subject"),
              keysetCondition(concerns.createdAt, concerns.id, "uuid", at),
            ),
          )
          .orderBy(...keysetOrder(concerns.createdAt, concerns.id, at))
          .limit(limit),
      concernPosition,
    ),
    db.select(countsAround(request)).from(concerns).where(concernScope(actor, "subject")),
  ]);
  return withCounts(page, counts[0], request);
}

function concernPosition(row: { micros: string; id: string }): KeysetPosition {
  return { micros: row.micros, id: row.id };
}

/**
 * How many concerns the list holds, and how many come before the page asked for: those at or
 * above the edge of an older page, those above the edge of a newer one (less the page).
 */
function countsAround(request: PageRequest) {
  const above =
    request.direction === "first"
      ? sql`false`
      : request.direction === "older"
        ? sql`not ${keysetCondition(concerns.createdAt, concerns.id, "uuid", request)}`
        : keysetCondition(concerns.createdAt, concerns.id, "uuid", request);
  return {
    total: sql<number>`count(*)::int`,
    above: sql<number>`(count(*) filter (where ${above}))::int`,
  };
}

function withCounts<Row extends { number: number }>(
  page: KeysetPage<Row>,
  counts: { total: number; above: number } | undefined,
  request: PageRequest,
) {
  const total = counts?.total ?? 0;
  // The first page starts at 1, however the reader reached it.
  const before =
    page.newer === null
      ? 0
      : request.direction === "newer"
        ? Math.max(0, (counts?.above ?? 0) - page.rows.length)
        : (counts?.above ?? 0);
  return { ...page, rows: page.rows.map(withReference), total, firstShown: before + 1 };
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
