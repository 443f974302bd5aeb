import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { concerns } from "@/db/schema";
import { isOverdue } from "@/lib/domain/deadlines";
import {
  COMPLIANCE_CLOCKS,
  type ComplianceClock,
  runningComplianceClocks,
} from "@/lib/domain/waiting-on";
import { notifyCase } from "@/lib/notifications/notify-case";
import { IN_COMPLIANCE_QUEUE } from "@/lib/queries/compliance-queue";
import { lockConcern } from "./lock-concern";

export const OFFICER_REMINDER_KINDS = {
  triage: "triage_overdue",
  decision: "decision_overdue",
} as const satisfies Record<ComplianceClock, string>;

/**
 * Runs when a compliance clock of a case runs out, and re-checks the case first: an
 * unclaimed case past its triage deadline reminds every officer; an undecided case past
 * its decision deadline reminds its officer (everyone, if nobody holds it). Each clock
 * reminds once, marked on the row in the same transaction, so a retried job is harmless.
 */
export async function remindOfficers(
  db: Database,
  concernId: string,
  clock: ComplianceClock,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, concernId);
    if (!concern) return false;
    const running = runningComplianceClocks(concern).find((c) => c.clock === clock);
    const alreadyReminded =
      clock === "triage" ? concern.triageRemindedAt : concern.decisionRemindedAt;
    if (!running || !isOverdue(running.dueAt, now) || alreadyReminded) return false;

    await tx
      .update(concerns)
      .set(clock === "triage" ? { triageRemindedAt: now } : { decisionRemindedAt: now })
      .where(eq(concerns.id, concern.id));
    await notifyCase(
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
  // Candidates through the queue's due index, narrowed to clocks not yet reminded so that
  // reminded, still-overdue cases cannot crowd out the rest; remindOfficers decides.
  const due = await db
    .select({ id: concerns.id })
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
  for (const { id } of due) {
    for (const clock of COMPLIANCE_CLOCKS) {
      if (await remindOfficers(db, id, clock, now)) sent++;
    }
  }
  return sent;
}
