import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { concerns } from "@/db/schema";
import { COMPLIANCE_CLOCKS, runningComplianceClocks } from "@/lib/domain/waiting-on";

export const REMIND_OFFICERS = "remind-officers";

type ClockFields = Pick<
  typeof concerns.$inferSelect,
  "id" | "state" | "assigneeId" | "triageDueAt" | "decisionDueAt"
>;

/**
 * Keeps one durable reminder job per running compliance clock of a case (waiting-on.ts),
 * due when the clock runs out; written in the transaction that changed the case, replaced
 * by later changes and removed once the clock stops. The job re-checks the case when it
 * runs, so a case claimed or decided in time produces no reminder.
 */
export async function scheduleOfficerReminders(tx: Db, concern: ClockFields): Promise<void> {
  const running = runningComplianceClocks(concern);
  for (const clock of COMPLIANCE_CLOCKS) {
    const jobKey = `officer-reminder:${clock}:${concern.id}`;
    const dueAt = running.find((c) => c.clock === clock)?.dueAt;
    if (!dueAt) {
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
