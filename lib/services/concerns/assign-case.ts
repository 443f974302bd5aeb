import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { listFurtherReporterIds } from "@/lib/queries/case-reporters";
import { activeOfficers } from "@/lib/queries/officers";
import { applyToLockedConcern } from "./apply-concern-event";
import { CASE_NOT_FOUND } from "./case-refusals";
import { assignCaseSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";
import { lockConcern } from "./lock-concern";

/**
 * Assigns or reassigns a case to an officer (possibly the actor, which is how an officer
 * takes over a case someone else holds). The new holder must be an active compliance
 * officer who is not a party to the case and has not recused from it; both are checked
 * under the case's row lock.
 */
export async function assignCase(
  db: Database,
  actor: Actor,
  concernId: string,
  input: { assigneeId: string },
  now = new Date(),
) {
  assertCan(actor, "compliance:work");
  const id = concernIdSchema.parse(concernId);
  const { assigneeId } = assignCaseSchema.parse(input);
  return db.transaction(async (tx) => {
    const concern = await lockConcern(tx, id, { scope: concernScope(actor, "officer") });
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    const [officer] = await activeOfficers(tx, {
      id: assigneeId,
      excluding: [
        concern.reporterId,
        concern.subjectId,
        ...(await listFurtherReporterIds(tx, concern.id)),
      ],
      forCase: concern.id,
    });
    if (!officer) {
      throw new Refusal(
        "invalid_input",
        "Choose an active compliance officer who is not a party to this case and has not stepped aside from it.",
        "assigneeId",
      );
    }
    return applyToLockedConcern(tx, concern, actor, { type: "assign", assigneeId }, now);
  });
}
