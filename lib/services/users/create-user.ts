import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { assertDepartmentExists } from "./assert-department-exists";
import { type CreateUserInput, createUserSchema } from "./user-schemas";

export async function createUser(
  db: Database,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ userId: string }> {
  assertCan(actor, "users:manage");
  const data = createUserSchema.parse(input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  try {
    return await db.transaction(async (tx) => {
      await assertDepartmentExists(tx, data.departmentId);
      const [user] = await tx
        .insert(users)
        .values({
          name: data.name,
          email: data.email,
          departmentId: data.departmentId,
          passwordHash,
        })
        .returning({ id: users.id });
      const userId = user!.id;
      await tx.insert(userRoles).values(data.roles.map((role) => ({ userId, role })));
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "user_created",
        entityType: "user",
        entityId: userId,
        details: {
          email: data.email,
          roles: data.roles,
          departmentId: data.departmentId,
          passwordSet: Boolean(passwordHash),
        },
      });
      return { userId };
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new Refusal("email_taken", "An account with this email already exists.", "email");
    }
    throw error;
  }
}
