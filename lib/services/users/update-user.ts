import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";
import { decideRoleChange } from "@/lib/domain/separation-of-duties";
import { Refusal } from "@/lib/errors/refusal";
import { requestRoleGrants } from "../roles/request-role-grants";
import { assertDepartmentExists } from "./assert-department-exists";
import { type UpdateUserInput, updateUserSchema } from "./user-schemas";

/**
 * An administrator changes an account. Roles taken away go at once; nobody adds a role to
 * their own account; a role needing a second person's approval is asked for, not added.
 * Returns the roles now waiting for approval.
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  input: UpdateUserInput,
  context: { address: string | null } = { address: null },
): Promise<{ requested: Role[] }> {
  assertCan(actor, "users:manage");
  const data = updateUserSchema.parse(input);
  if (data.userId === actor.userId && !data.roles.includes("admin")) {
    throw new Refusal(
      "cannot_change_own_account",
      "You cannot remove your own administrator role; ask another administrator.",
      "roles",
    );
  }
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
      if (!before) throw new Refusal("not_found", "That account no longer exists.");
      await assertDepartmentExists(tx, data.departmentId);
      const rolesBefore = (
        await tx
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(eq(userRoles.userId, data.userId))
      ).map((r) => r.role);
      const change = decideRoleChange({
        actorId: actor.userId,
        userId: data.userId,
        before: rolesBefore,
        after: data.roles,
      });
      if (!change.ok) {
        throw new Refusal(
          "cannot_change_own_account",
          "You cannot give yourself a role. Ask another administrator.",
          "roles",
        );
      }

      await tx
        .update(users)
        .set({
          name: data.name,
          email: data.email,
          departmentId: data.departmentId,
          updatedAt: new Date(),
        })
        .where(eq(users.id, data.userId));
      if (change.remove.length > 0) {
        await tx
          .delete(userRoles)
          .where(and(eq(userRoles.userId, data.userId), inArray(userRoles.role, change.remove)));
      }
      if (change.grant.length > 0) {
        await tx
          .insert(userRoles)
          .values(change.grant.map((role) => ({ userId: data.userId, role })));
      }
      const rolesAfter = rolesBefore
        .filter((role) => !change.remove.includes(role))
        .concat(change.grant);
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "user_updated",
        entityType: "user",
        entityId: data.userId,
        details: {
          changed: changedFields(before, data),
          rolesBefore,
          rolesAfter,
        },
      });
      const requested = await requestRoleGrants(
        tx,
        actor,
        data.userId,
        change.request,
        context.address,
      );
      return { requested };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new Refusal("email_taken", "Another account already uses this email.", "email");
    }
    throw error;
  }
}

function changedFields(
  before: { name: string; email: string; departmentId: string | null },
  after: { name: string; email: string; departmentId: string | null },
): ("name" | "email" | "departmentId")[] {
  return (["name", "email", "departmentId"] as const).filter((key) => before[key] !== after[key]);
}
