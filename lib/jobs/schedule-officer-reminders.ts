import type { concerns } from "@/db/schema";
import { COMPLIANCE_CLOCKS, runningComplianceClocks } from "@/lib/domain/waiting-on";
import type { JobChange } from "./job-changes";

export const REMIND_OFFICERS = "remind-officers";

type ClockFields = Pick<
  typeof concerns.$inferSelect,
  "id" | "state" | "assigneeId" | "triageDueAt" | "decisionDueAt"
>;

/**
 * One change per compliance clock of a case (waiting-on.ts): a durable reminder job due when
 * the clock runs out while it runs, none once it stops. Written by writeJobChanges in the
 * transaction that changed the case and replaced by later changes; the job re-checks the
 * case when it runs, so a case claimed or decided in time produces no reminder.
 */
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
