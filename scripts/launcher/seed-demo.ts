import { connectDatabase } from "@/db/client";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD_DEFAULT,
  seedDemoOrganisation,
} from "@/db/seed/demo-organisation";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { groupedSecret, otpauthUri } from "@/lib/domain/two-factor";

/**
 * The launcher's demo step: on an empty database, a demo organisation whose people can
 * sign in at once; on every start, their sign-in details. Run as the database's owner.
 */
export async function seedDemo(
  ownerUrl: string,
  password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT,
): Promise<void> {
  const { db, pool } = connectDatabase(ownerUrl, { max: 1 });
  try {
    const seeded = await seedDemoOrganisation(db, password);
    console.log(
      seeded
        ? `\nDemo organisation created. Sign in as any of these (password: ${password}):`
        : `\nDemo accounts (password: ${password}, unless its owner changed it):`,
    );
    for (const account of DEMO_ACCOUNTS) {
      const roles = account.roles.map((role) => ROLE_LABELS[role]).join(", ");
      console.log(`  ${roles.padEnd(20)} ${account.name.padEnd(20)} ${account.email}`);
    }
    console.log(
      "Officers and the administrator also need a code from an authenticator app: add each key to one (unless they set up their own):",
    );
    for (const account of DEMO_ACCOUNTS) {
      if (!account.twoFactorSecret) continue;
      console.log(`  ${account.email.padEnd(41)} ${groupedSecret(account.twoFactorSecret)}`);
      console.log(`  ${"".padEnd(41)} ${otpauthUri(account.twoFactorSecret, account.email)}`);
    }
  } finally {
    await pool.end();
  }
}
