import { and, count, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { concerns, notifications } from "@/db/schema";
import { notRecused } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import type { Viewer } from "@/lib/domain/reader-words";

export async function countUnreadNotifications(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, actor.userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

// The newest notification of each case first, so a list cut at `limit` keeps the cases
// with the latest news.
const newestOfCase = sql`max(${notifications.createdAt}) over (partition by ${notifications.concernId})`;

/**
 * The reader's notifications, grouped by case: cases with the newest news first, and each
 * case's notifications newest first, with what the reader needs to know of the case now
 * (its reference, state and clocks, never its content) to say what it needs of them. An
 * officer who stepped aside from a case no longer follows it here.
 */
export async function listNotifications(db: Db, actor: Actor, limit = 100) {
  return groupByCase(await selectNotifications(db, actor, limit));
}

function selectNotifications(db: Db, actor: Actor, limit: number) {
  return db
    .select({
      id: notifications.id,
      concernId: notifications.concernId,
      relation: notifications.recipientRelation,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
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
        eq(notifications.recipientId, actor.userId),
        or(ne(notifications.recipientRelation, "officer"), notRecused(actor.userId)),
      ),
    )
    .orderBy(
      desc(newestOfCase),
      notifications.concernId,
      desc(notifications.createdAt),
      desc(notifications.id),
    )
    .limit(limit);
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

// Rows joined to their case always have one; the relation of a case notification is a party's
// or an officer's (administrators are told only of alerts about no case).
type NotificationRow = Omit<
  Awaited<ReturnType<typeof selectNotifications>>[number],
  "concernId" | "relation"
> & { concernId: string; relation: Viewer };

/** Consecutive rows of one case (the query's order) become that case's group. */
function groupByCase(rows: Awaited<ReturnType<typeof selectNotifications>>) {
  const groups: {
    concernId: string;
    reference: string;
    // One person is one party to a case (a party is never an officer on it).
    relation: NotificationRow["relation"];
    concern: Omit<NotificationRow, "id" | "kind" | "createdAt" | "readAt">;
    notifications: Pick<NotificationRow, "id" | "kind" | "createdAt" | "readAt">[];
  }[] = [];
  for (const { id, kind, createdAt, readAt, ...concern } of rows as NotificationRow[]) {
    let group = groups.at(-1);
    if (group?.concernId !== concern.concernId) {
      group = {
        concernId: concern.concernId,
        reference: concernReference(concern.number),
        relation: concern.relation,
        concern,
        notifications: [],
      };
      groups.push(group);
    }
    group.notifications.push({ id, kind, createdAt, readAt });
  }
  return groups;
}

export type NotificationGroup = Awaited<ReturnType<typeof listNotifications>>[number];
