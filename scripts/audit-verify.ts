/**
 * `npm run audit:verify`: recomputes every audit chain and anchor and reports the first
 * event where each stops adding up. Exit code 0 when the trail is intact, 1 when it was
 * tampered with, 2 when it could not be checked. `-- --anchor` first records a global
 * anchor (as the worker does periodically).
 *
 * Reads the embedded database by default (starting it if the app is not running), or the
 * server in MIGRATION_DATABASE_URL / DATABASE_URL.
 */
import { withAdminClient } from "@/db/admin";
import { connectDatabase } from "@/db/client";
import { anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { resolveDatabase } from "./lib/database-url";

const database = await resolveDatabase({ log: () => {} });
let exitCode = 2;
try {
  const url = process.env.MIGRATION_DATABASE_URL || database.ownerUrl;
  await withAdminClient(url, (client) => client.query("select 1 from audit_events limit 1"));
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    if (process.argv.includes("--anchor")) {
      const anchor = await anchorAuditChains(db);
      console.log(
        anchor
          ? `Anchor ${anchor.id} recorded: sha256 ${anchor.hash}`
          : "No chain moved since the last anchor; none recorded.",
      );
    }
    const result = await verifyAuditTrail(db);
    console.log(
      `Checked ${result.events} audit events in ${result.chains} chains and ${result.anchors} anchors.`,
    );
    if (result.problems.length === 0) {
      console.log("The audit trail is intact.");
      exitCode = 0;
    } else {
      console.log(`TAMPERING DETECTED in ${result.problems.length} place(s):`);
      for (const { chain, id, problem } of result.problems) {
        const where = chain === "anchors" ? `anchor ${id}` : `${chain}, event ${id}`;
        console.log(`  ${where}: ${problem}`);
      }
      exitCode = 1;
    }
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error(`Could not verify the audit trail: ${(error as Error).message}`);
} finally {
  if (!database.alreadyRunning) await database.stop().catch(() => {});
}
process.exit(exitCode);
