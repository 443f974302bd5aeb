import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { caseAppeals, concerns } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { mayDecide } from "@/lib/domain/appeal";
import { Refusal } from "@/lib/errors/refusal";
import { notifyCase } from "@/lib/notifications/notify-case";
import { parseScreened } from "../screen-free-text";
import { decideAppealSchema } from "./appeal-schemas";
import { concernIdSchema } from "./concern-schemas";
import { appealRefusal } from "./lock-appeal";
import { lockAppealForOfficer } from "./take-appeal";

const CHANGED = "This case was changed by someone else a moment ago. Reload to see it.";

/**
 * The officer who took an appeal decides it. Upheld: the case's outcome becomes the new
 * one (the old and new are on the audit event) and the parties see it with the new summary.
 * Dismissed: the decision stands. Both parties are told either way; the rationale stays
 * the officers'.
 */
export async function decideAppeal(
  db: Database,
  actor: Actor,
  concernId: string,
  input: z.input<typeof decideAppealSchema>,
  now = new Date(),
): Promise<{ decision: "upheld" | "dismissed" }> {
  assertCan(actor, "compliance:work");
  const id = concernIdSchema.parse(concernId);
  const { data, patientDetailsConfirmed } = parseScreened(decideAppealSchema, input);
  const { decision, rationale } = data;
  const partySummary = data.partySummary || undefined;
  const externalAuthority = data.externalAuthority || undefined;
  if (decision === "upheld" && !data.newOutcome) {
    throw new Refusal(
      "invalid_input",
      "Choose the outcome the case should now have.",
      "newOutcome",
    );
  }
  if (decision === "upheld" && data.newOutcome === "referred_external" && !externalAuthority) {
    throw new Refusal(
      "invalid_input",
      "Name the external authority the case is referred to.",
      "externalAuthority",
    );
  }
  return db.transaction(async (tx) => {
    const { concern, appeal } = await lockAppealForOfficer(tx, actor, id);
    const currentOutcome = concern.outcome!;
    const verdict = mayDecide(appeal, actor.userId, {
      decision,
      currentOutcome,
      newOutcome: data.newOutcome,
    });
    if (!verdict.ok) throw await appealRefusal(tx, verdict, appeal);
    const resultingOutcome = decision === "upheld" ? data.newOutcome! : currentOutcome;
    const [decided] = await tx
      .update(caseAppeals)
      .set({
        status: decision,
        resultingOutcome,
        rationale,
        partySummary: partySummary ?? null,
        decidedAt: now,
      })
      .where(and(eq(caseAppeals.id, appeal.id), eq(caseAppeals.status, "taken")))
      .returning({ id: caseAppeals.id });
    if (!decided) throw new Refusal("conflict", CHANGED);
    const screened = patientDetailsConfirmed && { patientDetailsConfirmed };
    if (decision === "upheld") {
      // The new decision replaces the old on the case; the old stays in its audit events.
      const [changed] = await tx
        .update(concerns)
        .set({
          outcome: resultingOutcome,
          outcomeRationale: rationale,
          outcomeSummary: partySummary ?? null,
          externalAuthority: resultingOutcome === "referred_external" ? externalAuthority : null,
          updatedAt: now,
        })
        .where(and(eq(concerns.id, id), eq(concerns.state, "closed")))
        .returning({ id: concerns.id });
      if (!changed) throw new Refusal("conflict", CHANGED);
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "appeal_upheld",
        entityType: "concern",
        entityId: id,
        details: {
          appealId: appeal.id,
          fromOutcome: currentOutcome,
          toOutcome: resultingOutcome,
          rationale,
          ...(resultingOutcome === "referred_external" && { externalAuthority }),
          ...(partySummary && { partySummary }),
          ...screened,
        },
      });
    } else {
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "appeal_dismissed",
        entityType: "concern",
        entityId: id,
        details: {
          appealId: appeal.id,
          outcome: currentOutcome,
          rationale,
          ...(partySummary && { partySummary }),
          ...screened,
        },
      });
    }
    await notifyCase(tx, concern, ["subject", "reporter"], `appeal_${decision}`, now);
    return { decision };
  });
}
