import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { departments } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { recordId } from "../field-schemas";
import { DEPARTMENT_NAME_TAKEN, departmentName } from "./create-department";

export const renameDepartmentSchema = z.object({
  departmentId: recordId("We could not find that department."),
  name: departmentName.describe("New name"),
});

/**
 * Renames a department. People and concerns refer to it by id, so routing and insights
 * follow the new name; the old one stays in the audit trail.
 */
export async function renameDepartment(
  db: Database,
  actor: Actor,
  input: z.input<typeof renameDepartmentSchema>,
): Promise<void> {
  assertCan(actor, "users:manage");
  const { departmentId, name } = renameDepartmentSchema.parse(input);
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: departments.name })
        .from(departments)
        .where(eq(departments.id, departmentId))
        .for("update");
      if (!before) throw new Refusal("not_found", "We could not find that department.");
      if (before.name === name) return;
      await tx.update(departments).set({ name }).where(eq(departments.id, departmentId));
      await writeAuditEvent(tx, {
        actorId: actor.userId,
        action: "department_renamed",
        entityType: "department",
        entityId: departmentId,
        details: { from: before.name, to: name },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "departments_name_unique")) {
      throw new Refusal("conflict", DEPARTMENT_NAME_TAKEN, "name");
    }
    throw error;
  }
}
