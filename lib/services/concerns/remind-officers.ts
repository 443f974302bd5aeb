import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { concerns } from "@/db/schema";
import type { OfficerClock } from "@/lib/jobs/schedule-officer-reminders";
import { IN_COMPLIANCE_QUEUE } from "@/lib/queries/compliance-queue";
import { notifyParties } from "./apply-concern-event";

export const OFFICER_REMINDER_KINDS = {
  triage: "triage_overdue",
  decision: "decision_overdue",
} as const satisfies Record<OfficerClock, string>;

/**
 * Runs when a compliance clock of a case runs out, and re-checks the case first: an
 * unclaimed case past its triage deadline reminds every officer; an undecided case past
 * its decision deadline reminds its officer (everyone, if nobody holds it). Each clock
 * reminds once, marked on the row in the same transaction, so a retried job is harmless.
 */
export async function remindOfficers(
  db: Database,
  concernId: string,
  clock: OfficerClock,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [concern] = await tx
      .select()
      .from(concerns)
      .where(eq(concerns.id, concernId))
      .for("update");
    if (!concern) return false;
    const open = concern.state === "escalated" || concern.state === "in_review";
    const due = clock === "triage" ? concern.triageDueAt : concern.decisionDueAt;
    const alreadyReminded =
      clock === "triage" ? concern.triageRemindedAt : concern.decisionRemindedAt;
    const stillWaiting = clock === "triage" ? concern.assigneeId === null : true;
    if (!open || !due || due > now || alreadyReminded || !stillWaiting) return false;

    await tx
      .update(concerns)
      .set(clock === "triage" ? { triageRemindedAt: now } : { decisionRemindedAt: now })
      .where(eq(concerns.id, concern.id));
    await notifyParties(
      tx,
      concern,
      [clock === "decision" && concern.assigneeId ? "assignee" : "officers"],
      OFFICER_REMINDER_KINDS[clock],
      now,
    );
    return true;
  });
}

/**
 * The sweep's share of the reminders: any case whose clock ran out without its reminder
 * (a job lost with a restored queue, say). Read through the queue's due index; each case is
 * then re-checked and marked under its own lock, so a job and the sweep never remind twice.
 */
export async function remindOverdueOfficers(
  db: Database,
  now = new Date(),
  limit = 500,
): Promise<number> {
  const due = await db
    .select({
      id: concerns.id,
      triage: sql<boolean>`${concerns.assigneeId} is null and ${concerns.triageRemindedAt} is null and ${concerns.triageDueAt} <= ${now}`,
      decision: sql<boolean>`${concerns.decisionRemindedAt} is null and ${concerns.decisionDueAt} <= ${now}`,
    })
    .from(concerns)
    .where(
      and(
        IN_COMPLIANCE_QUEUE,
        sql`${concerns.nextDueAt} <= ${now}`,
        sql`((${concerns.assigneeId} is null and ${concerns.triageRemindedAt} is null and ${concerns.triageDueAt} <= ${now})
          or (${concerns.decisionRemindedAt} is null and ${concerns.decisionDueAt} <= ${now}))`,
      ),
    )
    .orderBy(concerns.nextDueAt)
    .limit(limit);
  let sent = 0;
  for (const row of due) {
    if (row.triage && (await remindOfficers(db, row.id, "triage", now))) sent++;
    if (row.decision && (await remindOfficers(db, row.id, "decision", now))) sent++;
  }
  return sent;
}
