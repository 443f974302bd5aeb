import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { roleGrantRequests, userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { type RoleGrantRefusal, roleGrantDecisionRefusal } from "@/lib/domain/separation-of-duties";
import { Refusal } from "@/lib/errors/refusal";
import { recordId } from "../field-schemas";

export const decideRoleGrantSchema = z.object({
  requestId: recordId("Unknown request."),
  decision: z.enum(["approved", "declined"], "Choose to approve or decline."),
});

const REFUSALS: Readonly<Record<RoleGrantRefusal, string>> = {
  own_request: "You asked for this role, so someone else must decide on it.",
  own_role: "This role is for you, so someone else must decide on it.",
  already_decided: "Someone has already decided on this request. Reload to see it.",
};

/**
 * A second administrator or an existing officer approves or declines a waiting role, once,
 * in one transaction: the request is locked and decided conditionally, the role added only
 * on approval (to an account still active), and both the audit trail and the security log
 * record who decided.
 */
export async function decideRoleGrant(
  db: Database,
  actor: Actor,
  input: z.input<typeof decideRoleGrantSchema>,
  context: { address: string | null } = { address: null },
  now = new Date(),
): Promise<{ name: string; role: string; decision: "approved" | "declined" }> {
  assertCan(actor, "roles:approve");
  const { requestId, decision } = decideRoleGrantSchema.parse(input);
  return db.transaction(async (tx) => {
    const [request] = await tx
      .select({
        id: roleGrantRequests.id,
        userId: roleGrantRequests.userId,
        role: roleGrantRequests.role,
        requestedById: roleGrantRequests.requestedById,
        decidedAt: roleGrantRequests.decidedAt,
        name: users.name,
        deactivatedAt: users.deactivatedAt,
      })
      .from(roleGrantRequests)
      .innerJoin(users, eq(users.id, roleGrantRequests.userId))
      .where(eq(roleGrantRequests.id, requestId))
      .for("update", { of: roleGrantRequests });
    if (!request) throw new Refusal("not_found", "That request no longer exists.");
    const refusal = roleGrantDecisionRefusal(request, actor.userId);
    if (refusal)
      throw new Refusal(
        refusal === "already_decided" ? "conflict" : "forbidden",
        REFUSALS[refusal],
      );
    if (decision === "approved" && request.deactivatedAt) {
      throw new Refusal("conflict", "This account is deactivated; decline the request instead.");
    }
    const [decided] = await tx
      .update(roleGrantRequests)
      .set({ decision, decidedById: actor.userId, decidedAt: now })
      .where(and(eq(roleGrantRequests.id, requestId), isNull(roleGrantRequests.decidedAt)))
      .returning({ id: roleGrantRequests.id });
    if (!decided) throw new Refusal("conflict", REFUSALS.already_decided);
    if (decision === "approved") {
      await tx
        .insert(userRoles)
        .values({ userId: request.userId, role: request.role, grantedAt: now })
        .onConflictDoNothing();
    }
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: decision === "approved" ? "role_grant_approved" : "role_grant_declined",
      entityType: "user",
      entityId: request.userId,
      details: { requestId, role: request.role, requestedById: request.requestedById },
    });
    await recordSecurityEvent(tx, {
      kind: decision === "approved" ? "role_grant_approved" : "role_grant_declined",
      userId: request.userId,
      actorId: actor.userId,
      address: context.address,
    });
    return { name: request.name, role: ROLE_LABELS[request.role], decision };
  });
}
