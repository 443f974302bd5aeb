import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Logger, runMigrations as runJobQueueMigrations } from "graphile-worker";
import { grantAppRole } from "./app-role";
import { connectDatabase } from "./client";

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, "migrations");

/**
 * Applies the committed drizzle-kit migrations, then graphile-worker's own schema (the
 * durable job queue that state changes enqueue into inside their transactions), then the
 * application role's grants over everything that now exists. Run as the database owner;
 * safe to run on every start.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await pool.end();
  }
  await runJobQueueMigrations({ connectionString: url, logger: problemsOnlyLogger });
  await grantAppRole(url);
}

/** graphile-worker narrates every routine step at info level; keep only the problems. */
export const problemsOnlyLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});
