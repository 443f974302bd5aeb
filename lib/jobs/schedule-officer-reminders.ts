import type { Db } from "@/db/client";
import type { concerns } from "@/db/schema";
import { COMPLIANCE_CLOCKS, runningComplianceClocks } from "@/lib/domain/waiting-on";
import { type JobChange, writeJobChanges } from "./job-changes";

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
  await writeJobChanges(tx, officerReminderJobs(concern));
}

/** One change per compliance clock: its reminder while the clock runs, none once it stops. */
export function officerReminderJobs(concern: ClockFields): JobChange[] {
  const running = runningComplianceClocks(concern);
  return COMPLIANCE_CLOCKS.map((clock) => {
    const dueAt = running.find((c) => c.clock === clock)?.dueAt;
    return {
      key: `officer-reminder:${clock}:${concern.id}`,
      add: dueAt
        ? {
            task: REMIND_OFFICERS,
            payload: { concernId: concern.id, clock },
            runAt: dueAt,
            maxAttempts: 10,
          }
        : undefined,
    };
  });
}
