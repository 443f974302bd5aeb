import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments } from "@/db/schema";
import { Refusal } from "@/lib/errors/refusal";

export async function assertDepartmentExists(tx: Db, departmentId: string | null): Promise<void> {
  if (!departmentId) return;
  const [found] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!found) {
    throw new Refusal("invalid_input", "Choose a department from the list.", "departmentId");
  }
}
