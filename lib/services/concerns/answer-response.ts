import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { concernReporters, concerns } from "@/db/schema";
import { followsAsReporter } from "@/lib/authz/concern-access";
import { type Actor, can } from "@/lib/authz/permissions";
import type { ConcernEvent, ConcernEventType } from "@/lib/domain/concern-workflow";
import { Refusal } from "@/lib/errors/refusal";
import { parseScreened } from "../screen-free-text";
import { applyConcernEvent } from "./apply-concern-event";
import { CASE_NOT_FOUND } from "./case-refusals";
import { concernIdSchema, optionalReasonSchema, reasonSchema } from "./concern-schemas";
import { assertDoesNotNameReporter } from "./confidential-words";

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

/**
 * The answers to offer a reporter now: none once they have answered the standing response
 * (the case waits for the others), and no withdrawing a case others raised too.
 */
export function reporterDecisions(
  available: readonly ConcernEventType[],
  { reporters, answered }: { reporters: number; answered: boolean },
): ReporterDecision[] {
  if (answered) return [];
  return available.filter(
    (event): event is ReporterDecision =>
      (REPORTER_DECISIONS as readonly string[]).includes(event) &&
      !(event === "withdraw" && reporters > 1),
  );
}

export const answerResponseSchema = optionalReasonSchema.extend({
  decision: z.enum(REPORTER_DECISIONS, "That action is not available."),
});

export async function answerResponse(
  db: Database,
  actor: Actor,
  concernId: string,
  decision: ReporterDecision,
  input: { reason?: string; identityConfirmed?: boolean; patientDetailsConfirmed?: string[] },
  now?: Date,
) {
  const { data: answer, patientDetailsConfirmed } = parseScreened(answerResponseSchema, {
    ...input,
    decision,
  });
  const id = concernIdSchema.parse(concernId);
  // The colleague reads the reason; disclosure never changes, so it is read before the lock.
  // A colleague who joined the case chose their own disclosure.
  const [first] = await db
    .select({
      disclosure: concerns.disclosure,
      reporterId: concerns.reporterId,
      recordedById: concerns.recordedById,
    })
    .from(concerns)
    .where(and(eq(concerns.id, id), eq(concerns.reporterId, actor.userId)));
  // An officer answers here only for a source whose concern they recorded; any other case
  // they work from its case file, so through this path it does not exist for them.
  if (!can(actor, "concerns:file") && !(first && followsAsReporter(actor, first))) {
    throw new Refusal("not_found", CASE_NOT_FOUND);
  }
  const [joined] = first
    ? []
    : await db
        .select({ disclosure: concernReporters.disclosure })
        .from(concernReporters)
        .where(
          and(eq(concernReporters.concernId, id), eq(concernReporters.reporterId, actor.userId)),
        );
  const own = first ?? joined;
  if (own?.disclosure === "confidential") {
    assertDoesNotNameReporter([answer.reason], actor, answer.identityConfirmed);
  }
  return applyConcernEvent(db, {
    concernId: id,
    by: actor,
    event: reporterEvent(answer.decision, input),
    now,
    patientDetailsConfirmed,
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
