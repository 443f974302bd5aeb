import type { Database, Transaction } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { issueAccountToken } from "@/lib/auth/account-tokens";
import { recordSecurityEvent } from "@/lib/auth/security-log";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";
import { ROLES_NEEDING_APPROVAL } from "@/lib/domain/separation-of-duties";
import { Refusal } from "@/lib/errors/refusal";
import { requestRoleGrants } from "../roles/request-role-grants";
import { assertDepartmentExists } from "./assert-department-exists";
import { type CreateUserInput, createUserSchema } from "./user-schemas";

/**
 * A new account, without a password: the person is emailed an invitation link to set
 * their own (or signs in through the organisation's SSO), so no administrator ever knows it.
 * A role needing a second person's approval is asked for, not given: it is among the roles
 * returned as waiting.
 */
export async function createUser(
  db: Database,
  actor: Actor,
  input: CreateUserInput,
  context: { address: string | null } = { address: null },
): Promise<{ userId: string; requested: Role[] }> {
  assertCan(actor, "users:manage");
  const data = createUserSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      await assertDepartmentExists(tx, data.departmentId);
      const [user] = await tx
        .insert(users)
        .values({
          name: data.name,
          email: data.email,
          departmentId: data.departmentId,
        })
        .returning({ id: users.id });
      const userId = user!.id;
      const granted = data.roles.filter((role) => !ROLES_NEEDING_APPROVAL.includes(role));
      if (granted.length > 0) {
        await tx.insert(userRoles).values(granted.map((role) => ({ userId, role })));
      }
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "user_created",
        entityType: "user",
        entityId: userId,
        details: {
          email: data.email,
          roles: granted,
          departmentId: data.departmentId,
        },
      });
      const requested = await requestRoleGrants(
        tx,
        actor,
        userId,
        data.roles.filter((role) => ROLES_NEEDING_APPROVAL.includes(role)),
        context.address,
      );
      await sendInvitation(tx, actor, userId, context.address);
      return { userId, requested };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new Refusal("email_taken", "An account with this email already exists.", "email");
    }
    throw error;
  }
}

/** The invitation email and its records, for a new account or sent again. */
export async function sendInvitation(
  tx: Transaction,
  actor: Actor,
  userId: string,
  address: string | null,
): Promise<void> {
  await issueAccountToken(tx, {
    userId,
    purpose: "invitation",
    createdById: actor.userId,
    now: new Date(),
  });
  await recordSecurityEvent(tx, {
    kind: "invitation_sent",
    userId,
    actorId: actor.userId,
    address,
  });
  await writeAuditEvent(tx, {
    actorId: actor.userId,
    action: "invitation_sent",
    entityType: "user",
    entityId: userId,
  });
}
