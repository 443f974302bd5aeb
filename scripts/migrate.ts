import { migrateDatabase } from "@/db/migrate";

// For deployments that migrate as a separate release step:
// `MIGRATION_DATABASE_URL=<owner> npm run db:migrate` (DATABASE_URL when that is the owner).
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("Set MIGRATION_DATABASE_URL (or DATABASE_URL) to the database's owner.");
  process.exit(1);
}
await migrateDatabase(url);
console.log("Migrations applied.");
