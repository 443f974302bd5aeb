import { and, eq, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { assertDepartmentExists } from "./assert-department-exists";
import { type UpdateUserInput, updateUserSchema } from "./user-schemas";

export async function updateUser(
  db: Database,
  actor: Actor,
  input: UpdateUserInput,
): Promise<void> {
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
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, data.userId)).for("update");
      if (!before) throw new Refusal("not_found", "That account no longer exists.");
      await assertDepartmentExists(tx, data.departmentId);
      const rolesBefore = (
        await tx
          .select({ role: userRoles.role })
          .from(userRoles)
          .where(eq(userRoles.userId, data.userId))
      ).map((r) => r.role);

      await tx
        .update(users)
        .set({
          name: data.name,
          email: data.email,
          departmentId: data.departmentId,
          updatedAt: new Date(),
        })
        .where(eq(users.id, data.userId));
      await tx
        .delete(userRoles)
        .where(and(eq(userRoles.userId, data.userId), notInArray(userRoles.role, data.roles)));
      const added = data.roles.filter((role) => !rolesBefore.includes(role));
      if (added.length > 0) {
        await tx.insert(userRoles).values(added.map((role) => ({ userId: data.userId, role })));
      }
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "user_updated",
        entityType: "user",
        entityId: data.userId,
        details: {
          changed: changedFields(before, data),
          rolesBefore,
          rolesAfter: data.roles,
        },
      });
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
