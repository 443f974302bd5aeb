import path from "node:path";
import { createDatabaseIfMissing } from "@/db/admin";
import { startEmbeddedServer } from "@/db/embedded-server";

export interface ResolvedDatabase {
  url: string;
  description: string;
  stop(): Promise<void>;
}

const EMBEDDED_DATABASE = "peer_concerns";

/**
 * DATABASE_URL when set (an external server: nothing is started or stopped); otherwise
 * the embedded PostgreSQL whose data lives in `.data/postgres`.
 */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      url: external,
      description: "external PostgreSQL (DATABASE_URL)",
      stop: async () => {},
    };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dataDir = path.resolve(process.env.EMBEDDED_PG_DATA ?? ".data/postgres");
  const server = await startEmbeddedServer({ dataDir, port, log: (line) => console.log(line) });
  await createDatabaseIfMissing(server.url(), EMBEDDED_DATABASE);
  return {
    url: server.url(EMBEDDED_DATABASE),
    description: `embedded PostgreSQL in ${path.relative(process.cwd(), dataDir)}`,
    stop: () => server.stop(),
  };
}
