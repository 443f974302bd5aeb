import type { Transaction } from "@/db/client";
import { roleGrantRequests } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";

/**
 * Asks, in the caller's transaction, for roles that take effect only when a second person
 * approves them (ROLES_NEEDING_APPROVAL). A role already asked for and still waiting is not
 * asked for twice. Returns the roles now waiting because of this call.
 */
export async function requestRoleGrants(
  tx: Transaction,
  actor: Actor,
  userId: string,
  roles: readonly Role[],
  address: string | null,
): Promise<Role[]> {
  const requested: Role[] = [];
  for (const role of roles) {
    const [request] = await tx
      .insert(roleGrantRequests)
      .values({ userId, role, requestedById: actor.userId })
      .onConflictDoNothing()
      .returning({ id: roleGrantRequests.id });
    if (!request) continue;
    requested.push(role);
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "role_grant_requested",
      entityType: "user",
      entityId: userId,
      details: { requestId: request.id, role },
    });
    await recordSecurityEvent(tx, {
      kind: "role_grant_requested",
      userId,
      actorId: actor.userId,
      address,
    });
  }
  return requested;
}
