import { migrateDatabase } from "@/db/migrate";

// For deployments that migrate as a separate release step: `DATABASE_URL=… npm run db:migrate`.
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
await migrateDatabase(url);
console.log("Migrations applied.");
