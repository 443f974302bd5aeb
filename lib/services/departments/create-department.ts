import { z } from "zod";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { departments } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { shortText } from "../field-schemas";

export const departmentName = shortText(
  2,
  120,
  "Enter the department's name.",
  "Keep the name under 120 characters.",
);

export const DEPARTMENT_NAME_TAKEN = "A department with this name already exists.";

export const createDepartmentSchema = z.object({
  name: departmentName.describe("New department"),
});

export async function createDepartment(
  db: Database,
  actor: Actor,
  input: z.input<typeof createDepartmentSchema>,
): Promise<{ departmentId: string }> {
  assertCan(actor, "users:manage");
  const { name } = createDepartmentSchema.parse(input);
  try {
    return await db.transaction(async (tx) => {
      const [department] = await tx
        .insert(departments)
        .values({ name })
        .returning({ id: departments.id });
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "department_created",
        entityType: "department",
        entityId: department!.id,
        details: { name },
      });
      return { departmentId: department!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "departments_name_unique")) {
      throw new Refusal("conflict", DEPARTMENT_NAME_TAKEN, "name");
    }
    throw error;
  }
}
