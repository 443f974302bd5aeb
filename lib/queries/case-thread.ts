import { and, asc, desc, eq, ne, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { caseMessageReports, caseMessages, concerns, users } from "@/db/schema";
import type { TimelineEntry } from "@/lib/audit/timeline";
import type { ConcernView } from "@/lib/authz/concern-access";
import { notRecused } from "@/lib/authz/concern-access";
import {
  mergeThread,
  RESPONSES_IN_THREAD,
  THREAD_MESSAGES_PER_PAGE,
  type ThreadItem,
  type ThreadParty,
  type ThreadSpan,
  threadSender,
  WHOLE_THREAD,
} from "@/lib/domain/case-thread";
import { concernReference } from "@/lib/domain/concern-fields";
import {
  keysetCondition,
  keysetOrder,
  microsOf,
  type PageRequest,
  readKeysetPage,
  readPageRequest,
} from "./keyset-page";
import { readSideBySide } from "./read-side-by-side";

const sender = alias(users, "sender");
const reportedBy = alias(users, "reported_by");

/** The page of the thread a case page's URL asks for: the latest, or earlier messages. */
export function threadPageAskedFor(params: Record<string, string | string[] | undefined>) {
  return readPageRequest(params, "bigint", { older: "thread_older", newer: "thread_newer" })
    .request;
}

export interface ThreadPage {
  items: ThreadItem[];
  /** Link positions: the page of earlier messages, the page of later ones (null: none). */
  earlier: string | null;
  later: string | null;
  /** The link led nowhere, so the latest messages are shown. */
  restarted: boolean;
}

/**
 * One page of the case's thread as this reader may see it, the latest messages unless a link
 * asks for earlier ones ("whole" for the export): the parties' messages and their responses
 * (from the page's timeline) in time order. A page hands its timeline still being read, so the
 * messages are read beside it rather than after it. The query selects a confidential
 * reporter's name only for readers who may know it, so the colleague's page never holds it,
 * not even in what the server sends the browser. Officers see every report of a message; a
 * party sees whether they reported it. The page reads its messages and their reports at once.
 */
export async function listThread(
  db: Db,
  concern: { id: string; disclosure: string },
  view: ConcernView,
  viewerId: string,
  timeline: readonly TimelineEntry[] | PromiseLike<readonly TimelineEntry[]>,
  request: PageRequest | "whole",
): Promise<ThreadPage> {
  const select = (from?: SQL) => selectMessages(db, concern.id, view, viewerId, from);
  // The export (in its transaction) takes every message: a case file sent to an outside
  // authority that silently left out the latest messages would be worse than a long one.
  const [page, reports] = await readSideBySide(db, [
    () =>
      request === "whole"
        ? select()
            .orderBy(asc(caseMessages.sentAt), asc(caseMessages.id))
            .then((rows) => ({
              rows,
              older: null,
              newer: null,
              restarted: false,
              span: WHOLE_THREAD,
            }))
        : readMessagePage(select, request),
    () => listReports(db, concern.id, view, viewerId),
  ]);
  const named = concern.disclosure === "named";
  const messages: ThreadItem[] = page.rows.map((row) => {
    const ofThis = reports.filter((report) => report.messageId === row.id);
    return {
      key: `message-${row.id}`,
      at: row.sentAt,
      who: threadSender(
        { party: row.party, name: row.senderName, isReader: row.isReader },
        view,
        named,
      ),
      ...(view === "officer"
        ? { by: { party: row.party, name: row.senderName, isReader: row.isReader } }
        : {}),
      label: null,
      texts: [{ label: null, text: row.body }],
      message: {
        id: row.id,
        reportable: view !== "officer" && !row.isReader,
        reportedByReader: ofThis.some((report) => report.byReader),
        reports:
          view === "officer"
            ? ofThis.map((report) => ({ by: report.byName ?? "", reason: report.reason }))
            : [],
      },
    };
  });
  const responses: ThreadItem[] = (await timeline)
    .filter((entry) => (RESPONSES_IN_THREAD as readonly string[]).includes(entry.action))
    .map((entry) => ({
      key: `event-${entry.id}`,
      at: entry.at,
      who: entry.who,
      ...(entry.by ? { by: entry.by } : {}),
      label: entry.summary ? `${entry.label}: ${entry.summary}` : entry.label,
      texts: entry.quotes.map((quote) => ({ label: quote.label, text: quote.text })),
      message: null,
    }));
  return {
    items: mergeThread(messages, responses, page.span),
    earlier: page.older,
    later: page.newer,
    restarted: page.restarted,
  };
}

function selectMessages(
  db: Db,
  concernId: string,
  view: ConcernView,
  viewerId: string,
  from: SQL | undefined,
) {
  const senderParty = sql<ThreadParty>`case when ${caseMessages.senderId} = ${concerns.reporterId} then 'reporter' else 'subject' end`;
  return db
    .select({
      id: caseMessages.id,
      micros: microsOf(caseMessages.sentAt),
      body: caseMessages.body,
      sentAt: caseMessages.sentAt,
      party: senderParty,
      isReader: sql<boolean>`${caseMessages.senderId} = ${viewerId}`,
      senderName:
        view === "subject"
          ? sql<
              string | null
            >`case when ${caseMessages.senderId} = ${concerns.subjectId} then ${sender.name} when ${concerns.disclosure} = 'named' then coalesce(${concerns.sourceName}, ${sender.name}) end`
          : view === "reporter"
            ? // A colleague who joined the case reads the first reporter's messages unnamed.
              sql<
                string | null
              >`case when ${caseMessages.senderId} in (${concerns.subjectId}, ${viewerId}) then ${sender.name} end`
            : sender.name,
    })
    .from(caseMessages)
    .innerJoin(concerns, eq(concerns.id, caseMessages.concernId))
    .innerJoin(sender, eq(sender.id, caseMessages.senderId))
    .where(and(eq(caseMessages.concernId, concernId), from))
    .$dynamic();
}

type MessageQuery = ReturnType<typeof selectMessages>;

/** A keyset page of messages, with the span of time (for the responses) that page covers. */
async function readMessagePage(select: (from?: SQL) => MessageQuery, request: PageRequest) {
  let past: { micros: string } | null = null;
  const page = await readKeysetPage(
    request,
    THREAD_MESSAGES_PER_PAGE,
    async (at, limit) => {
      const rows = await select(keysetCondition(caseMessages.sentAt, caseMessages.id, "bigint", at))
        .orderBy(...keysetOrder(caseMessages.sentAt, caseMessages.id, at))
        .limit(limit);
      // Read newest first, the row past the page is the next earlier message; read going
      // back up, it is the next later one, where this page's span ends.
      past = at.direction === "newer" ? (rows[THREAD_MESSAGES_PER_PAGE] ?? null) : null;
      return rows;
    },
    (row) => ({ micros: row.micros, id: String(row.id) }),
  );
  const oldest = page.rows.at(-1);
  const end: { micros: string } | null =
    page.newer === null ? null : request.direction === "older" ? request.from : past;
  const span: ThreadSpan = {
    fromMs: page.older !== null && oldest ? oldest.sentAt.getTime() : null,
    untilMs: end ? Number(BigInt(end.micros) / 1000n) : null,
  };
  // Shown oldest first, as a conversation reads.
  return { ...page, rows: page.rows.toReversed(), span };
}

/** Reports of the case's messages: officers read them all, a party only their own. */
async function listReports(db: Db, concernId: string, view: ConcernView, viewerId: string) {
  return db
    .select({
      messageId: caseMessageReports.messageId,
      byReader: sql<boolean>`${caseMessageReports.reportedById} = ${viewerId}`,
      byName: view === "officer" ? reportedBy.name : sql<string | null>`null`,
      reason: view === "officer" ? caseMessageReports.reason : sql<string | null>`null`,
    })
    .from(caseMessageReports)
    .innerJoin(caseMessages, eq(caseMessages.id, caseMessageReports.messageId))
    .innerJoin(reportedBy, eq(reportedBy.id, caseMessageReports.reportedById))
    .where(
      and(
        eq(caseMessages.concernId, concernId),
        view === "officer" ? undefined : eq(caseMessageReports.reportedById, viewerId),
      ),
    );
}

/**
 * Messages reported as abusive, newest first, for the compliance queue's page: the report
 * puts the message before the officers even when the case has not reached them. A case
 * the officer is a party to, or stepped aside from, is left out, as everywhere officers read
 * cases.
 */
export async function listReportedMessages(db: Db, officerId: string, limit = 20) {
  const rows = await db
    .select({
      reportId: caseMessageReports.id,
      reportedAt: caseMessageReports.reportedAt,
      reason: caseMessageReports.reason,
      reportedByName: reportedBy.name,
      body: caseMessages.body,
      sentAt: caseMessages.sentAt,
      senderName: sender.name,
      concernId: concerns.id,
      number: concerns.number,
      escalated: sql<boolean>`${concerns.escalatedAt} is not null`,
    })
    .from(caseMessageReports)
    .innerJoin(caseMessages, eq(caseMessages.id, caseMessageReports.messageId))
    .innerJoin(concerns, eq(concerns.id, caseMessages.concernId))
    .innerJoin(sender, eq(sender.id, caseMessages.senderId))
    .innerJoin(reportedBy, eq(reportedBy.id, caseMessageReports.reportedById))
    .where(
      and(
        ne(concerns.reporterId, officerId),
        ne(concerns.subjectId, officerId),
        notRecused(officerId),
      ),
    )
    .orderBy(desc(caseMessageReports.reportedAt), desc(caseMessageReports.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, reference: concernReference(row.number) }));
}

export type ReportedMessage = Awaited<ReturnType<typeof listReportedMessages>>[number];
