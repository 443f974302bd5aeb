import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { databaseUrlFor, withAdminClient } from "@/db/admin";
import { APP_ROLE } from "@/db/app-role";
import { connectDatabase, type DatabaseHandle } from "@/db/client";

/**
 * Gives the calling test file a database of its own, copied from the migrated template,
 * and drops it afterwards. Returns accessors because the database exists only once the
 * file's beforeAll has run. `db` and `pool` act as the application's role, with exactly the
 * app's privileges (no changing audit history); `url` is the owner's, for what only a DBA
 * or an attacker with the server's keys could do.
 */
export function withFreshDatabase() {
  const adminUrl = inject("adminDatabaseUrl");
  const template = inject("templateDatabase");
  const name = `pc_file_${process.pid}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  let handle: DatabaseHandle | undefined;

  beforeAll(async () => {
    await withAdminClient(adminUrl, (client) => createFromTemplate(client, name, template));
    handle = connectDatabase(databaseUrlFor(adminUrl, name), { role: APP_ROLE });
  });

  afterAll(async () => {
    await handle?.pool.end();
    await withAdminClient(adminUrl, (client) =>
      client.query(`drop database if exists ${name} with (force)`),
    );
  });

  return {
    get db() {
      if (!handle) throw new Error("The fresh database is ready only inside tests and hooks.");
      return handle.db;
    },
    get pool() {
      if (!handle) throw new Error("The fresh database is ready only inside tests and hooks.");
      return handle.pool;
    },
    get url() {
      return databaseUrlFor(adminUrl, name);
    },
  };
}

// Postgres refuses to copy a template that another CREATE DATABASE is copying at the
// same moment; files start in parallel, so wait and retry.
async function createFromTemplate(
  client: import("pg").Client,
  name: string,
  template: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query(`create database ${name} template ${template}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === "55006";
      if (!busy || attempt > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
}
