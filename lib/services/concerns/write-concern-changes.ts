import { and, getTableColumns, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { Transaction } from "@/db/client";
import { concerns } from "@/db/schema";
import { writeAuditEvents } from "@/lib/audit/write-audit-event";
import { writeJobChanges } from "@/lib/jobs/job-changes";
import { notifyCases } from "@/lib/notifications/notify-case";
import type { ConcernChange } from "./plan-concern-change";

/**
 * Writes planned changes in the caller's transaction, in a fixed number of statements
 * however many cases: one conditional UPDATE of every row whose state is still the one read,
 * then, for the rows it moved and only those, one multi-row insert of their audit events
 * (the database chains each under its case's lock), their notifications with the email
 * deliveries and send jobs, and their next durable jobs. Returns the changes applied; a row
 * changed meanwhile is left as it is and nothing is written about it.
 */
export async function writeConcernChanges(
  tx: Transaction,
  changes: readonly ConcernChange[],
  now: Date,
): Promise<ConcernChange[]> {
  if (changes.length === 0) return [];
  const moved = await updateWhileUnchanged(tx, changes);
  // In id order, so the audit chains' locks are always taken in the same order.
  const applied = changes
    .filter((change) => moved.has(change.concern.id))
    .sort((a, b) => (a.concern.id < b.concern.id ? -1 : 1));
  if (applied.length === 0) return [];
  await writeAuditEvents(
    tx,
    applied.map((change) => change.audit),
  );
  await notifyCases(
    tx,
    applied.map((change) => change.notice),
    now,
  );
  await writeJobChanges(
    tx,
    applied.flatMap((change) => change.jobs),
  );
  return applied;
}

const COLUMNS = getTableColumns(concerns);
type ConcernColumn = keyof typeof COLUMNS;

/**
 * One UPDATE ... FROM the planned rows, conditional on each row's state as read. Each row
 * writes only its own columns: a column another row of the batch changes keeps its value.
 */
async function updateWhileUnchanged(
  tx: Transaction,
  changes: readonly ConcernChange[],
): Promise<Set<string>> {
  // A key whose value is undefined is not written, as with drizzle's own set().
  const columnsOf = (set: ConcernChange["set"]) =>
    Object.entries(set).filter(([, value]) => value !== undefined) as [ConcernColumn, unknown][];
  const planned = changes.map(({ concern, set }) => ({
    id: concern.id,
    expected: concern.state,
    set: Object.fromEntries(columnsOf(set).map(([column, value]) => [toSnakeCase(column), value])),
  }));
  const written = new Set(changes.flatMap(({ set }) => columnsOf(set).map(([column]) => column)));
  const assignments: Partial<Record<ConcernColumn, SQL>> = {};
  for (const column of written) {
    const name = toSnakeCase(column);
    const value = sql`(planned.proposed).${sql.identifier(name)}`;
    assignments[column] = changes.every(({ set }) => set[column] !== undefined)
      ? value
      : sql`case when planned.changed ? ${name} then ${value} else ${COLUMNS[column]} end`;
  }
  const rows = await tx
    .update(concerns)
    .set(assignments)
    .from(
      sql`(select (item->>'id')::uuid as id, (item->>'expected')::concern_state as expected,
                  item->'set' as changed,
                  jsonb_populate_record(null::concerns, item->'set') as proposed
           from jsonb_array_elements(${JSON.stringify(planned)}::jsonb) as item
           -- Kept a subquery (offset 0), so each row's record is built once, not per column.
           offset 0) as planned`,
    )
    .where(and(sql`${concerns.id} = planned.id`, sql`${concerns.state} = planned.expected`))
    .returning({ id: concerns.id });
  return new Set(rows.map((row) => row.id));
}
