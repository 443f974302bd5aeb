/**
 * `npm run export:verify -- FILE`: says whether a received case-file export (or its
 * manifest) is byte for byte one that the audit trail recorded: which case, when, by whom.
 * Exit code 0 on a match, 1 when nothing recorded matches, 2 when it could not be checked.
 *
 * Reads the embedded database by default (starting it if the app is not running), or the
 * server in MIGRATION_DATABASE_URL / DATABASE_URL.
 */
import { readFile } from "node:fs/promises";
import { connectDatabase } from "@/db/client";
import { sha256Of } from "@/lib/exports/export-manifest";
import { findExportsBySha256 } from "@/lib/queries/recorded-exports";
import { provisionDatabase } from "./launcher/provision-database";

const file = process.argv[2];
if (!file) {
  console.error("Name the file to check: npm run export:verify -- FILE");
  process.exit(2);
}
let bytes: Buffer;
try {
  bytes = await readFile(file);
} catch (error) {
  console.error(`Could not read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const sha256 = sha256Of(bytes);
console.log(`SHA-256 of ${file}: ${sha256}`);
const database = await provisionDatabase({ log: () => {} });
let exitCode = 2;
try {
  const { db, pool } = connectDatabase(process.env.MIGRATION_DATABASE_URL || database.ownerUrl, {
    max: 1,
  });
  try {
    const matches = await findExportsBySha256(db, sha256);
    for (const found of matches) {
      const kind = found.record.sha256 === sha256 ? "the export" : "the manifest of the export";
      console.log(
        `Matches ${kind} ${found.record.fileName} of case ${found.record.reference}, made ${found.at.toISOString()} by ${found.record.exportedBy}.`,
      );
    }
    if (matches.length === 0) console.log("No recorded export has this SHA-256: the file differs.");
    exitCode = matches.length > 0 ? 0 : 1;
  } finally {
    await pool.end();
  }
} catch (error) {
  console.error(`Could not check the file: ${(error as Error).message}`);
} finally {
  if (!database.alreadyRunning) await database.stop().catch(() => {});
}
process.exit(exitCode);
