/**
 * `npm run audit:verify`: recomputes every audit chain and every anchor, checks that each
 * chain's pinned heads are still there and only ever moved forward, replays each case's
 * history against its stored row, and reports the first place where each stops adding
 * up. Exit code 0 when the trail is intact, 1 when it was tampered with, 2 when it could
 * not be checked.
 *
 *   -- --anchor        first records an anchor (as the worker does every 15 minutes)
 *   -- --against FILE  also compares the anchors with a copy kept outside the database
 *                      (the AUDIT_ANCHOR_FILE, the anchor emails, or the worker's log)
 *
 * Reads the embedded database by default (starting it if the app is not running), or the
 * server in MIGRATION_DATABASE_URL / DATABASE_URL.
 */
import { readFile } from "node:fs/promises";
import { withAdminClient } from "@/db/admin";
import { connectDatabase } from "@/db/client";
import { anchorAuditChains } from "@/lib/audit/anchor-audit-chains";
import { formatAnchorLine, parsePublishedAnchors } from "@/lib/audit/publish-anchor";
import { verifyAuditTrail } from "@/lib/audit/verify-audit-trail";
import { provisionDatabase } from "./launcher/provision-database";

/** A page of findings is enough to act on; the count says how many more there are. */
const PRINTED_PROBLEMS = 200;

function argumentAfter(flag: string): string | null {
  const index = process.argv.indexOf(flag);
  if (index === -1) return null;
  const value = process.argv[index + 1];
  if (!value || value.startsWith("--")) {
    console.error(`${flag} needs a file: npm run audit:verify -- ${flag} FILE`);
    process.exit(2);
  }
  return value;
}

const againstFile = argumentAfter("--against");
let published: ReturnType<typeof parsePublishedAnchors> | undefined;
if (againstFile) {
  try {
    published = parsePublishedAnchors(await readFile(againstFile, "utf8"));
  } catch (error) {
    console.error(`Could not read ${againstFile}: ${(error as Error).message}`);
    process.exit(2);
  }
  if (published.length === 0) {
    console.error(`${againstFile} holds no anchor lines ("… anchor N sha256 HASH").`);
    process.exit(2);
  }
}

const database = await provisionDatabase({ log: () => {} });
let exitCode = 2;
try {
  const url = process.env.MIGRATION_DATABASE_URL || database.ownerUrl;
  await withAdminClient(url, (client) => client.query("select 1 from audit_events limit 1"));
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    if (process.argv.includes("--anchor")) {
      const { anchor, problems } = await anchorAuditChains(db);
      if (problems.length > 0) {
        console.log(`The pre-anchor check left ${problems.length} broken chain(s) out.`);
      }
      console.log(
        anchor
          ? `Anchor recorded: ${formatAnchorLine(anchor)}`
          : "No chain moved since the last anchor; none recorded.",
      );
    }
    const result = await verifyAuditTrail(db, { published });
    console.log(
      `Checked ${result.events} audit events in ${result.chains} chains, ${result.anchors} anchors and the history of ${result.cases} cases.`,
    );
    if (result.published) {
      const { anchors, newest, notYetPublished } = result.published;
      console.log(
        `Compared with ${anchors} published anchors from ${againstFile} (newest: anchor ${newest}); ${notYetPublished} anchor(s) in the database are newer than the copy.`,
      );
    }
    if (result.problems.length === 0) {
      console.log("The audit trail is intact.");
      exitCode = 0;
    } else {
      console.log(`TAMPERING DETECTED in ${result.problems.length} place(s):`);
      for (const { chain, id, problem } of result.problems.slice(0, PRINTED_PROBLEMS)) {
        const where =
          chain === "anchors" ? `anchor ${id}` : id === null ? chain : `${chain}, event ${id}`;
        console.log(`  ${where}: ${problem}`);
      }
      if (result.problems.length > PRINTED_PROBLEMS) {
        console.log(`  … and ${result.problems.length - PRINTED_PROBLEMS} more.`);
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
