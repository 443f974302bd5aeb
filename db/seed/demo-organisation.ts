import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments, twoFactorSecrets, userRoles, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/authz/roles";

export const DEMO_PASSWORD_DEFAULT = "demo-password-1";

const DEPARTMENTS = [
  "Emergency Medicine",
  "Internal Medicine",
  "Paediatrics",
  "Surgery",
  "Psychiatry",
];

export const DEMO_ACCOUNTS: ReadonlyArray<{
  name: string;
  email: string;
  department: string | null;
  roles: Role[];
  /**
   * Those who must use two-factor sign-in come enrolled with a published key, as public as
   * the demo password, so a person trying the app adds it to an authenticator app.
   */
  twoFactorSecret?: string;
}> = [
  {
    name: "Dr Amara Okafor",
    email: "amara.okafor@hospital.example",
    department: "Emergency Medicine",
    roles: ["physician"],
  },
  {
    name: "Dr Ben Carter",
    email: "ben.carter@hospital.example",
    department: "Internal Medicine",
    roles: ["physician"],
  },
  {
    name: "Dr Chloe Nguyen",
    email: "chloe.nguyen@hospital.example",
    department: "Paediatrics",
    roles: ["physician"],
  },
  {
    name: "Dr David Levi",
    email: "david.levi@hospital.example",
    department: "Surgery",
    roles: ["physician"],
  },
  {
    name: "Dr Elena Rossi",
    email: "elena.rossi@hospital.example",
    department: "Psychiatry",
    roles: ["physician"],
  },
  {
    name: "Farah Haddad",
    email: "farah.haddad@hospital.example",
    department: null,
    roles: ["compliance_officer"],
    twoFactorSecret: "CJJMFUTTWJHSR7BFD52PZGMBHQDGOGMI",
  },
  {
    name: "George Lindqvist",
    email: "george.lindqvist@hospital.example",
    department: null,
    roles: ["compliance_officer"],
    twoFactorSecret: "JCPU57L3HK2X64Q2U5EPCRPNS5ECWBBO",
  },
  {
    name: "Hana Sato",
    email: "hana.sato@hospital.example",
    department: null,
    roles: ["admin"],
    twoFactorSecret: "5WB5BKONPEJPJENSY3SQFPCUC5CLHQT4",
  },
];

/**
 * A demo organisation for trying the product. Seeds only an empty database, so it never
 * touches real accounts; returns false when there was something there already.
 */
export async function seedDemoOrganisation(db: Database, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // Two launchers starting at once must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed-demo-organisation'))`);
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(users)) as [
      { count: number },
    ];
    if (count > 0) return false;

    const departmentRows = await tx
      .insert(departments)
      .values(DEPARTMENTS.map((name) => ({ name })))
      .onConflictDoNothing()
      .returning();
    const departmentId = new Map(departmentRows.map((d) => [d.name, d.id]));

    for (const account of DEMO_ACCOUNTS) {
      const [user] = await tx
        .insert(users)
        .values({
          name: account.name,
          email: account.email,
          passwordHash,
          departmentId: account.department ? departmentId.get(account.department) : null,
        })
        .returning({ id: users.id });
      await tx.insert(userRoles).values(account.roles.map((role) => ({ userId: user!.id, role })));
      await writeAuditEvent(tx, {
        actorId: null,
        action: "user_created",
        entityType: "user",
        entityId: user!.id,
        details: { email: account.email, roles: account.roles, source: "demo_seed" },
      });
      if (account.twoFactorSecret) {
        await tx.insert(twoFactorSecrets).values({
          userId: user!.id,
          secret: account.twoFactorSecret,
          confirmedAt: sql`now()`,
        });
        await writeAuditEvent(tx, {
          actorId: null,
          action: "two_factor_enrolled",
          entityType: "user",
          entityId: user!.id,
        });
      }
    }
    return true;
  });
}
