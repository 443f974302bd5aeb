import { and, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { caseAppeals } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { appealStillApplies, mayTake, mayTakeAppeal } from "@/lib/domain/appeal";
import { Refusal } from "@/lib/errors/refusal";
import { CASE_NOT_FOUND } from "./case-refusals";
import { concernIdSchema } from "./concern-schemas";
import { type AppealRow, appealRefusal, lockLatestAppeal, NO_APPEAL } from "./lock-appeal";
import { type ConcernRow, lockConcern } from "./lock-concern";

/**
 * An officer takes the appeal on a case: any officer but the one who decided it and the
 * parties. Of officers taking it at once, the case's row lock lets one through; the others
 * are told who has it.
 */
export async function takeAppeal(
  db: Database,
  actor: Actor,
  concernId: string,
  now = new Date(),
): Promise<{ appealId: string }> {
  assertCan(actor, "compliance:work");
  const id = concernIdSchema.parse(concernId);
  return db.transaction(async (tx) => {
    const { appeal } = await lockAppealForOfficer(tx, actor, id);
    const verdict = mayTake(appeal.status);
    if (!verdict.ok) throw await appealRefusal(tx, verdict, appeal);
    const [taken] = await tx
      .update(caseAppeals)
      .set({ status: "taken", takenById: actor.userId, takenAt: now })
      .where(and(eq(caseAppeals.id, appeal.id), eq(caseAppeals.status, "filed")))
      .returning({ id: caseAppeals.id });
    if (!taken)
      throw new Refusal("conflict", "This appeal was taken a moment ago. Reload to see it.");
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "appeal_taken",
      entityType: "concern",
      entityId: id,
      details: { appealId: appeal.id },
    });
    return { appealId: appeal.id };
  });
}

/**
 * The case and its latest appeal, locked, for an officer who may act on the appeal: the case
 * in their view, the appeal still about its standing decision, and they neither its decider
 * nor a party.
 */
export async function lockAppealForOfficer(
  tx: Transaction,
  actor: Actor,
  concernId: string,
): Promise<{ concern: ConcernRow; appeal: AppealRow }> {
  const concern = await lockConcern(tx, concernId, { scope: concernScope(actor, "officer") });
  if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
  const appeal = await lockLatestAppeal(tx, concernId);
  if (!appeal) throw new Refusal("conflict", NO_APPEAL);
  const allowed = mayTakeAppeal(actor.userId, {
    deciderId: appeal.decidedById,
    reporterId: concern.reporterId,
    subjectId: concern.subjectId,
  });
  if (!allowed.ok) throw await appealRefusal(tx, allowed);
  const applies = appealStillApplies(concern, appeal.decisionClosedAt);
  if (!applies.ok) throw await appealRefusal(tx, applies);
  return { concern, appeal };
}
