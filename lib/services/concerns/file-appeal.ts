import type { Database } from "@/db/client";
import { caseAppeals } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { mayFileAppeal } from "@/lib/domain/appeal";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { parseScreened } from "../screen-free-text";
import { fileAppealSchema } from "./appeal-schemas";
import { CASE_NOT_FOUND } from "./case-refusals";
import { concernIdSchema } from "./concern-schemas";
import { appealRefusal, decisionWasAppealed } from "./lock-appeal";
import { lockConcern } from "./lock-concern";

/**
 * The colleague appeals the compliance team's decision on a case about their post, within
 * the window in Settings and once per decision. The officers are told an appeal waits; the
 * case's outcome stands until a different officer decides the appeal.
 */
export async function fileAppeal(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { explanation: string; patientDetailsConfirmed?: string[] },
  now = new Date(),
): Promise<{ appealId: string }> {
  const id = concernIdSchema.parse(concernId);
  const { data, patientDetailsConfirmed } = parseScreened(fileAppealSchema, input);
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, id, { scope: concernScope(actor, "subject") });
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    const { appealWindowDays } = await loadWorkflowSettings(tx);
    const alreadyAppealed = concern.closedAt
      ? await decisionWasAppealed(tx, id, concern.closedAt)
      : false;
    const verdict = mayFileAppeal({ ...concern, alreadyAppealed }, now, appealWindowDays);
    if (!verdict.ok) throw await appealRefusal(tx, verdict);
    const [appeal] = await tx
      .insert(caseAppeals)
      .values({
        concernId: id,
        decisionClosedAt: concern.closedAt!,
        decidedById: concern.closedById,
        appealedOutcome: concern.outcome!,
        filedById: actor.userId,
        explanation: data.explanation,
        filedAt: now,
      })
      .returning({ id: caseAppeals.id });
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "appeal_filed",
      entityType: "concern",
      entityId: id,
      details: {
        appealId: appeal!.id,
        appealedOutcome: concern.outcome!,
        explanation: data.explanation,
        ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
      },
    });
    await notifyCase(tx, concern, ["officers"], "appeal_filed", now);
    return { appealId: appeal!.id };
  });
}
