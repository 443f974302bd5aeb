import {
  and,
  count,
  desc,
  eq,
  inArray,
  isNull,
  lte,
  max,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import type { Db } from "@/db/client";
import { concerns, notifications } from "@/db/schema";
import { notRecused } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import type { Viewer } from "@/lib/domain/reader-words";
import {
  FIRST_PAGE,
  keysetCondition,
  keysetOrder,
  microsOf,
  type PageRequest,
  readKeysetPage,
} from "./keyset-page";

/**
 * The reader's unread notifications, alerts included: the layout's badge on every signed-in
 * page. Once per request (React's cache), so the notifications page shows the same number
 * without counting again. Served by the partial index of unread notifications.
 */
export const countUnreadNotifications = cache(async (db: Db, actor: Actor): Promise<number> => {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, actor.userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
});

/** Cases per page of the notifications page. */
export const NOTIFIED_CASES_PER_PAGE = 25;
/** A case's newest notifications shown under it; the case's own page has its whole history. */
export const NOTIFICATIONS_PER_CASE = 10;

/**
 * One page of the reader's notifications, grouped by case: cases with the newest news first,
 * and each case's newest notifications first, with what the reader needs to know of the case
 * now (its reference, state and clocks, never its content) to say what it needs of them. An
 * officer who stepped aside from a case no longer follows it here.
 *
 * Pages are keyset pages of cases, each case placed by its newest notification: the page
 * walks the reader's notifications newest first from where the last page ended and keeps
 * those that are the newest of their case, so it costs the same however many the reader has.
 */
export async function listNotifications(
  db: Db,
  actor: Actor,
  request: PageRequest = FIRST_PAGE,
  casesPerPage = NOTIFIED_CASES_PER_PAGE,
) {
  const page = await readKeysetPage(
    request,
    casesPerPage,
    (at, limit) => selectNewestOfEachCase(db, actor, at, limit),
    (head) => ({ micros: head.micros, id: String(head.id) }),
  );
  const cases = page.rows;
  const rows =
    cases.length === 0
      ? []
      : await selectNewestOfCases(
          db,
          actor,
          cases.map((head) => head.concernId),
        );
  return {
    groups: cases.map(({ id: _head, micros: _at, ...concern }) => {
      const ofCase = rows.filter((row) => row.concernId === concern.concernId);
      return {
        concernId: concern.concernId,
        reference: concernReference(concern.number),
        // One person is one party to a case (a party is never an officer on it).
        relation: concern.relation as Viewer,
        concern,
        notifications: ofCase.map(({ id, kind, createdAt, readAt }) => ({
          id,
          kind,
          createdAt,
          readAt,
        })),
        earlier: Math.max(0, (ofCase[0]?.inCase ?? 0) - ofCase.length),
      };
    }),
    older: page.older,
    newer: page.newer,
    restarted: page.restarted,
  };
}

/** The reader's notifications about cases, as a condition on the `notifications` rows read. */
function aboutTheReadersCases(actor: Actor): SQL {
  return and(
    eq(notifications.recipientId, actor.userId),
    or(ne(notifications.recipientRelation, "officer"), notRecused(actor.userId)),
  )!;
}

const later = alias(notifications, "later_notification");

/** For each case on the page, the reader's newest notification of it, with the case's clocks. */
function selectNewestOfEachCase(db: Db, actor: Actor, request: PageRequest, limit: number) {
  return db
    .select({
      id: notifications.id,
      micros: microsOf(notifications.createdAt),
      concernId: sql<string>`${notifications.concernId}`,
      relation: notifications.recipientRelation,
      number: concerns.number,
      state: concerns.state,
      responseDueAt: concerns.responseDueAt,
      confirmationDueAt: concerns.confirmationDueAt,
      assigneeId: concerns.assigneeId,
      triageDueAt: concerns.triageDueAt,
      escalatedAt: concerns.escalatedAt,
      decisionDueAt: concerns.decisionDueAt,
    })
    .from(notifications)
    .innerJoin(concerns, eq(concerns.id, notifications.concernId))
    .where(
      and(
        aboutTheReadersCases(actor),
        keysetCondition(notifications.createdAt, notifications.id, "bigint", request),
        notExists(
          db
            .select({ one: sql`1` })
            .from(later)
            .where(
              and(
                eq(later.recipientId, notifications.recipientId),
                eq(later.concernId, notifications.concernId),
                sql`(${later.createdAt}, ${later.id}) > (${notifications.createdAt}, ${notifications.id})`,
              ),
            ),
        ),
      ),
    )
    .orderBy(...keysetOrder(notifications.createdAt, notifications.id, request))
    .limit(limit);
}

/** The newest few notifications of each of these cases, with how many the reader has of each. */
async function selectNewestOfCases(db: Db, actor: Actor, concernIds: string[]) {
  const ranked = db
    .select({
      id: notifications.id,
      concernId: sql<string>`${notifications.concernId}`.as("concern_id"),
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      rank: sql<number>`row_number() over (partition by ${notifications.concernId} order by ${notifications.createdAt} desc, ${notifications.id} desc)`.as(
        "rank",
      ),
      inCase: sql<number>`(count(*) over (partition by ${notifications.concernId}))::int`.as(
        "in_case",
      ),
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, actor.userId),
        inArray(notifications.concernId, concernIds),
      ),
    )
    .as("ranked");
  return db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, NOTIFICATIONS_PER_CASE))
    .orderBy(ranked.concernId, ranked.rank);
}

/**
 * The reader's newest notification: "Mark all read" marks everything up to it, whichever
 * page they read, and nothing that arrives after the page was shown.
 */
export async function newestNotificationId(db: Db, actor: Actor): Promise<number | null> {
  // The highest id, not the latest time: "mark all read" marks by id, and a notification
  // written a moment later can bear an earlier event's time.
  const [row] = await db
    .select({ id: max(notifications.id) })
    .from(notifications)
    .where(eq(notifications.recipientId, actor.userId));
  return row?.id ?? null;
}

/**
 * The reader's notifications about no single case, newest first, read in full on the
 * notifications page: alerts (the audit trail's integrity), which lead nowhere, and news of
 * pattern reviews, which lead to the review's page.
 */
export async function listAlerts(db: Db, actor: Actor, limit = 20) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      relation: notifications.recipientRelation,
      patternReviewId: notifications.patternReviewId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.recipientId, actor.userId), isNull(notifications.concernId)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export type NotificationGroup = Awaited<ReturnType<typeof listNotifications>>["groups"][number];
