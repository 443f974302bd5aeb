import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { concerns, departments, users } from "@/db/schema";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import { feedbackClock } from "@/lib/domain/feedback-clock";
import { overdueComplianceClock } from "@/lib/domain/waiting-on";
import {
  caseNumberIn,
  encodeQueueCursor,
  QUEUE_PAGE_SIZE,
  type QueueFilters,
} from "./queue-filters";
import { containsPattern } from "./users";

const subject = alias(users, "subject");
const assignee = alias(users, "assignee");

/**
 * The predicate of the queue's partial indexes (db/schema/concerns.ts): a case is in the
 * queue from its escalation until it is closed. Keep the two identical.
 */
export const IN_COMPLIANCE_QUEUE = and(isNotNull(concerns.escalatedAt), isNull(concerns.closedAt))!;

/**
 * One page of the compliance queue, keyset-paginated on (sort key, id): each page starts
 * strictly after the last row of the previous one, so pages cost the same however deep
 * and a case moving between pages is neither repeated nor skipped.
 */
export async function listQueue(
  db: Db,
  actor: Actor,
  filters: QueueFilters,
  now: Date,
  pageSize = QUEUE_PAGE_SIZE,
) {
  const rows = await queueQuery(db, actor, filters, now, pageSize);
  const page = rows.slice(0, pageSize).map((row) => ({
    ...row,
    reference: concernReference(row.number),
    overdue: overdueComplianceClock(row, now),
    feedback: feedbackClock(row, now),
  }));
  const last = page.at(-1);
  const lastKey = last && (filters.sort === "due" ? last.nextDueAt : last.escalatedAt);
  return {
    cases: page,
    nextCursor:
      rows.length > pageSize && last && lastKey ? encodeQueueCursor(lastKey, last.id) : null,
  };
}

/** The page's query itself (one row more than a page, to know whether another follows). */
export function queueQuery(
  db: Db,
  actor: Actor,
  filters: QueueFilters,
  now: Date,
  pageSize = QUEUE_PAGE_SIZE,
) {
  const sortColumn = filters.sort === "due" ? concerns.nextDueAt : concerns.escalatedAt;
  const descending = filters.sort === "newest";
  const reference = filters.q ? caseNumberIn(filters.q) : null;
  const conditions: (SQL | undefined)[] =
    // An exact reference finds its case whatever its state or the other filters.
    reference !== null
      ? [concernScope(actor, "officer"), eq(concerns.number, reference)]
      : [
          concernScope(actor, "officer"),
          stateCondition(filters.state),
          filters.department ? eq(concerns.subjectDepartmentId, filters.department) : undefined,
          filters.category
            ? sql`${concerns.categories} @> array[${filters.category}]::concern_category[]`
            : undefined,
          filters.severity ? eq(concerns.severity, filters.severity) : undefined,
          filters.platform ? eq(concerns.platform, filters.platform) : undefined,
          filters.assignee === "me" ? eq(concerns.assigneeId, actor.userId) : undefined,
          filters.assignee === "unassigned" ? isNull(concerns.assigneeId) : undefined,
          filters.overdue ? sql`${concerns.nextDueAt} <= ${now}` : undefined,
          filters.q ? subjectNamed(filters.q) : undefined,
          filters.after
            ? descending
              ? sql`(${sortColumn}, ${concerns.id}) < (${filters.after.at}, ${filters.after.id})`
              : sql`(${sortColumn}, ${concerns.id}) > (${filters.after.at}, ${filters.after.id})`
            : undefined,
        ];
  return db
    .select({
      id: concerns.id,
      number: concerns.number,
      state: concerns.state,
      severity: concerns.severity,
      platform: concerns.platform,
      categories: concerns.categories,
      escalatedAt: concerns.escalatedAt,
      closedAt: concerns.closedAt,
      triageDueAt: concerns.triageDueAt,
      decisionDueAt: concerns.decisionDueAt,
      nextDueAt: concerns.nextDueAt,
      assigneeId: concerns.assigneeId,
      assigneeName: assignee.name,
      subjectName: subject.name,
      departmentName: departments.name,
    })
    .from(concerns)
    .innerJoin(subject, eq(subject.id, concerns.subjectId))
    .leftJoin(assignee, eq(assignee.id, concerns.assigneeId))
    .leftJoin(departments, eq(departments.id, concerns.subjectDepartmentId))
    .where(and(...conditions))
    .orderBy(
      ...(descending ? [desc(sortColumn), desc(concerns.id)] : [asc(sortColumn), asc(concerns.id)]),
    )
    .limit(pageSize + 1);
}

/**
 * Open cases through the queue's partial indexes; closed ones and all of them (every case
 * that reached compliance) through the escalation index.
 */
function stateCondition(state: QueueFilters["state"]): SQL {
  if (state === "open") return IN_COMPLIANCE_QUEUE;
  if (state === "all") return isNotNull(concerns.escalatedAt);
  if (state === "closed")
    return and(isNotNull(concerns.escalatedAt), eq(concerns.state, "closed"))!;
  return and(IN_COMPLIANCE_QUEUE, eq(concerns.state, state))!;
}

/**
 * A substring of the subject's name, found through the trigram index on users.name and
 * then the concerns' subject index. (A case number is matched exactly, before any filter.)
 */
function subjectNamed(query: string): SQL {
  return sql`${concerns.subjectId} in (select ${users.id} from ${users} where ${users.name} ilike ${containsPattern(query)})`;
}
