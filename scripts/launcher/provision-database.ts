import path from "node:path";
import { createDatabaseIfMissing, withAdminClient } from "@/db/admin";
import { ensureEmbeddedAppLogin } from "@/db/app-role";
import { startEmbeddedServer } from "@/db/embedded-server";

export interface ProvisionedDatabase {
  /** The owner: runs migrations and grants. */
  ownerUrl: string;
  /** The application's own connection (web and worker); call after migrating. */
  appUrl(): Promise<string>;
  description: string;
  stop(): Promise<void>;
  /** The server was running before this process (an external one, or the app's). */
  alreadyRunning: boolean;
}

const EMBEDDED_DATABASE = "peer_concerns";

/**
 * The launcher's first step: the database the app will use. DATABASE_URL when set (an
 * external server: nothing is started or stopped), with MIGRATION_DATABASE_URL as the
 * owner that migrates it; otherwise the embedded PostgreSQL whose data lives in
 * `.data/postgres`, where the superuser migrates and the app connects as a login role with
 * only the application's privileges (db/app-role.ts).
 */
export async function provisionDatabase(
  options: { log?: (line: string) => void } = {},
): Promise<ProvisionedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      ownerUrl: process.env.MIGRATION_DATABASE_URL || external,
      appUrl: async () => external,
      description: "external PostgreSQL (DATABASE_URL)",
      stop: async () => {},
      alreadyRunning: true,
    };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = path.resolve(process.env.EMBEDDED_PG_DATA ?? ".data/postgres");
  const server = await startEmbeddedServer({ dataDir, port, log });
  await createDatabaseIfMissing(server.url(), EMBEDDED_DATABASE);
  const ownerUrl = server.url(EMBEDDED_DATABASE);
  return {
    ownerUrl,
    appUrl: () => ensureEmbeddedAppLogin(ownerUrl, dataDir),
    description: `embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)}`,
    stop: () => server.stop(),
    alreadyRunning: server.reused,
  };
}

/**
 * The separation only holds if the app's role cannot rewrite history. Says so loudly when
 * it can (an external DATABASE_URL naming the owner or a superuser, without
 * MIGRATION_DATABASE_URL); the append-only trigger still refuses, but the owner can
 * disable a trigger.
 */
export async function warnIfAppCanRewriteHistory(appUrl: string): Promise<void> {
  const { rows } = await withAdminClient(appUrl, (client) =>
    client.query<{ can: boolean }>(
      "select has_table_privilege('audit_events', 'UPDATE') or has_table_privilege('audit_events', 'DELETE') as can",
    ),
  );
  if (rows[0]?.can) {
    console.warn(
      "[security] The app's database role may UPDATE or DELETE audit_events. Set DATABASE_URL to a login role granted peer_concerns_app and MIGRATION_DATABASE_URL to the owner (see SECURITY.md).",
    );
  }
}
