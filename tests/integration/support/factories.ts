import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { departments, userRoles, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/lib/authz/roles";

export const TEST_PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

/** Inserts a person directly (test setup, not a use case) and returns them as an Actor. */
export async function insertPerson(
  db: Database,
  options: { roles: Role[]; name?: string; email?: string; departmentId?: string | null },
): Promise<Actor> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      name: options.name ?? `Person ${suffix}`,
      email: options.email ?? `person-${suffix}@hospital.example`,
      passwordHash: await passwordHash,
      departmentId: options.departmentId ?? null,
    })
    .returning();
  if (options.roles.length > 0) {
    await db.insert(userRoles).values(options.roles.map((role) => ({ userId: user!.id, role })));
  }
  return {
    userId: user!.id,
    sessionId: "00000000-0000-0000-0000-000000000000",
    name: user!.name,
    email: user!.email,
    departmentId: user!.departmentId,
    roles: options.roles,
  };
}

export async function insertDepartment(
  db: Database,
  name = `Dept ${randomBytes(3).toString("hex")}`,
) {
  const [department] = await db.insert(departments).values({ name }).returning();
  return department!;
}
