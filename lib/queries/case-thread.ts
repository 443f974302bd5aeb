import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { caseMessageReports, caseMessages, concerns, users } from "@/db/schema";
import type { TimelineEntry } from "@/lib/audit/timeline";
import type { ConcernView } from "@/lib/authz/concern-access";
import { notRecused } from "@/lib/authz/concern-access";
import {
  mergeThread,
  RESPONSES_IN_THREAD,
  type ThreadItem,
  type ThreadParty,
  threadSender,
} from "@/lib/domain/case-thread";
import { concernReference } from "@/lib/domain/concern-fields";

const sender = alias(users, "sender");
const reportedBy = alias(users, "reported_by");

/** A thread holds at most this many messages on a page (the daily limit keeps it far below). */
const MESSAGES_READ = 500;

/**
 * The case's thread as this reader may see it: the parties' messages and their responses
 * (from the timeline the page already read), in time order. The query selects a
 * confidential reporter's name only for readers who may know it, so the colleague's page
 * never holds it, not even in what the server sends the browser. Officers see every
 * report of a message; a party sees whether they reported it.
 */
export async function listThread(
  db: Db,
  concern: { id: string; disclosure: string },
  view: ConcernView,
  viewerId: string,
  timeline: readonly TimelineEntry[],
  options: { all: boolean },
): Promise<{ items: ThreadItem[]; earlier: number }> {
  const named = concern.disclosure === "named";
  const senderParty = sql<ThreadParty>`case when ${caseMessages.senderId} = ${concerns.reporterId} then 'reporter' else 'subject' end`;
  const rows = await db
    .select({
      id: caseMessages.id,
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
    .where(eq(caseMessages.concernId, concern.id))
    .orderBy(asc(caseMessages.id))
    .limit(MESSAGES_READ);
  const reports = await listReports(db, concern.id, view, viewerId);

  const messages: ThreadItem[] = rows.map((row) => {
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
  const responses: ThreadItem[] = timeline
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
  return mergeThread(messages, responses, options);
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
