import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { databaseUrlFor, withAdminClient } from "@/db/admin";
import { startEmbeddedServer } from "@/db/embedded-server";
import { migrateDatabase } from "@/db/migrate";
import { freePort } from "../../support/free-port";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL server for the whole run: the one DATABASE_URL names, or a throwaway
 * embedded one. Migrations run once into a template database; every test file then gets
 * its own copy of it (tests/integration/support/fresh-database.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let cleanUp = async () => {};
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(tmpdir(), "peer-concerns-it-"));
    const server = await startEmbeddedServer({ dataDir, port: await freePort() });
    adminUrl = server.url();
    cleanUp = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const template = `pc_template_${process.pid}_${Date.now()}`;
  await withAdminClient(adminUrl, (client) => client.query(`create database ${template}`));
  await migrateDatabase(databaseUrlFor(adminUrl, template));

  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await withAdminClient(adminUrl, async (client) => {
      const leftovers = await client.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`pc_%_${process.pid}_%`],
      );
      for (const { datname } of leftovers.rows) {
        await client.query(
          `drop database if exists ${client.escapeIdentifier(datname)} with (force)`,
        );
      }
    });
    await cleanUp();
  };
}
