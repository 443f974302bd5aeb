import { z } from "zod";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/authz/permissions";
import type { ConcernEvent } from "@/lib/domain/concern-workflow";
import { applyConcernEvent } from "./apply-concern-event";
import { concernIdSchema, optionalReasonSchema, reasonSchema } from "./concern-schemas";

/**
 * The reporter's answers to the colleague's response: confirm or reject a remediation,
 * accept or escalate a dispute, or withdraw. Each is one event through the one path; the
 * rule decides whether it is legal now.
 */
export const REPORTER_DECISIONS = [
  "confirm_remediation",
  "reject_remediation",
  "accept_dispute",
  "escalate_dispute",
  "withdraw",
] as const;
export type ReporterDecision = (typeof REPORTER_DECISIONS)[number];

export const answerResponseSchema = optionalReasonSchema.extend({
  decision: z.enum(REPORTER_DECISIONS, "That action is not available."),
});

export async function answerResponse(
  db: Database,
  actor: Actor,
  concernId: string,
  decision: ReporterDecision,
  input: { reason?: string },
  now?: Date,
) {
  const answer = answerResponseSchema.parse({ ...input, decision });
  return applyConcernEvent(db, {
    concernId: concernIdSchema.parse(concernId),
    by: actor,
    event: reporterEvent(answer.decision, input),
    now,
  });
}

function reporterEvent(decision: ReporterDecision, input: { reason?: string }): ConcernEvent {
  switch (decision) {
    case "reject_remediation":
    case "escalate_dispute":
      return { type: decision, reason: reasonSchema.parse(input).reason };
    case "withdraw":
      return { type: "withdraw", reason: optionalReasonSchema.parse(input).reason };
    default:
      return { type: decision };
  }
}
