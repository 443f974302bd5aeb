import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { concerns, userRoles, users } from "@/db/schema";
import { assertCan } from "@/lib/authz/assert-can";
import { concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { applyToLockedConcern, CASE_NOT_FOUND } from "./apply-concern-event";
import { assignCaseSchema } from "./compliance-schemas";
import { concernIdSchema } from "./concern-schemas";

/**
 * Assigns or reassigns a case to an officer (possibly the actor, which is how an officer
 * takes over a case someone else holds). The new holder must be an active compliance
 * officer who is not a party to the case; both are checked under the case's row lock.
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
    const [concern] = await tx
      .select()
      .from(concerns)
      .where(and(eq(concerns.id, id), concernScope(actor, "officer")))
      .for("update");
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    const [officer] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(
        userRoles,
        and(eq(userRoles.userId, users.id), eq(userRoles.role, "compliance_officer")),
      )
      .where(and(eq(users.id, assigneeId), isNull(users.deactivatedAt)));
    if (!officer || assigneeId === concern.reporterId || assigneeId === concern.subjectId) {
      throw new Refusal(
        "invalid_input",
        "Choose an active compliance officer who is not a party to this case.",
        "assigneeId",
      );
    }
    return applyToLockedConcern(tx, concern, actor, { type: "assign", assigneeId }, now);
  });
}
