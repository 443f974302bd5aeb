import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { concerns } from "@/db/schema";
import { COMPLIANCE_STATES, type ConcernState } from "@/lib/domain/concern-workflow";

export const REMIND_OFFICERS = "remind-officers";
export const OFFICER_CLOCKS = ["triage", "decision"] as const;
export type OfficerClock = (typeof OFFICER_CLOCKS)[number];

type ClockFields = Pick<
  typeof concerns.$inferSelect,
  "id" | "state" | "triageDueAt" | "decisionDueAt"
>;

/**
 * Keeps one durable reminder job per clock of a case in compliance, due when the clock
 * runs out; written in the transaction that changed the case, replaced by later changes
 * and removed when the case closes. The job re-checks the case when it runs, so a case
 * claimed or decided in time produces no reminder.
 */
export async function scheduleOfficerReminders(tx: Db, concern: ClockFields): Promise<void> {
  const open = (COMPLIANCE_STATES as readonly ConcernState[]).includes(concern.state);
  for (const clock of OFFICER_CLOCKS) {
    const jobKey = `officer-reminder:${clock}:${concern.id}`;
    const dueAt = clock === "triage" ? concern.triageDueAt : concern.decisionDueAt;
    if (!open || !dueAt) {
      await tx.execute(sql`select graphile_worker.remove_job(${jobKey})`);
      continue;
    }
    await tx.execute(sql`select graphile_worker.add_job(
      ${REMIND_OFFICERS},
      json_build_object('concernId', ${concern.id}::text, 'clock', ${clock}::text),
      run_at := ${dueAt.toISOString()}::timestamptz,
      job_key := ${jobKey},
      job_key_mode := 'replace',
      max_attempts := 10
    )`);
  }
}
