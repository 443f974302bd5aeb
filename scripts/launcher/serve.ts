import next from "next";
import { probeDatabase } from "@/db/probe-database";
import { buildIfStale } from "./build-if-stale";
import { guardDatabaseOutage } from "./database-outage";
import { createLauncherServer } from "./request-pipeline";

/**
 * The launcher's last step: Next.js (a production build, made first if the sources
 * changed; hot reload with `dev`) behind the launcher's own HTTP server, in this process.
 * Resolves once it listens.
 */
export async function serve(options: {
  dev: boolean;
  hostname: string;
  port: number;
  databaseUrl: string;
}): Promise<void> {
  const { dev, hostname, port } = options;
  if (!dev) buildIfStale();
  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createLauncherServer({
    handle: (request, response) => handle(request, response),
    outage: guardDatabaseOutage(() => probeDatabase(options.databaseUrl)),
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`\nPeer Concerns is ready on http://${hostname}:${port}\n`);
}
