/**
 * The launcher behind `npm start` and `npm run dev`: database (embedded unless
 * DATABASE_URL is set), migrations, demo data outside production, then the Next.js server
 * in this same process, so stopping or killing it leaves no server behind.
 */
import { createServer } from "node:http";
import { parse } from "node:url";
import next from "next";
import { connectDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD_DEFAULT,
  seedDemoOrganisation,
} from "@/db/seed/demo-organisation";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/auth/client-address";
import { ROLE_LABELS } from "@/lib/authz/roles";
import { startWorker } from "@/lib/jobs/start-worker";
import { decideMailMode, MAIL_CAPTURE_FLAG } from "@/lib/notifications/mail-config";
import { ensureAuthSecret } from "./lib/auth-secret";
import { buildIfStale } from "./lib/build-if-stale";
import { guardDatabaseOutage } from "./lib/database-outage";
import { resolveDatabase, warnIfAppCanRewriteHistory } from "./lib/database-url";

// A hospital deployment should not phone home; the machine may not even reach the internet.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const dev = process.argv.includes("--dev");
const production = process.env.NODE_ENV === "production";
// Decided here, before Next.js loads: inside a production build NODE_ENV always reads
// "production", even when `npm start` serves it as a development deployment.
const mailMode = decideMailMode(process.env);
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";

async function main(): Promise<void> {
  const database = await resolveDatabase();
  let stopWorker = async () => {};
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await stopWorker().catch(() => {});
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  console.log(`Database: ${database.description}`);
  await migrateDatabase(database.ownerUrl);
  // From here on the app (web and worker) holds only the application role's privileges:
  // it may add audit events but never change or remove one.
  const appUrl = await database.appUrl();
  await warnIfAppCanRewriteHistory(appUrl);
  process.env.DATABASE_URL = appUrl;
  process.env.AUTH_SECRET = await ensureAuthSecret(production);

  if (!production || process.env.SEED_DEMO === "true") await seedDemo(database.ownerUrl);
  if (!dev) buildIfStale();
  // Links in emails point at this server unless a public address is configured.
  process.env.APP_URL ||= `http://${hostname}:${port}`;
  // Always set, so a value left in the environment cannot turn the mailbox on.
  process.env[MAIL_CAPTURE_FLAG] = mailMode === "capture" ? "on" : "off";
  console.log(describeMailMode());
  // RUN_WORKER=false when the timed steps run as separate `npm run worker` processes.
  if (process.env.RUN_WORKER !== "false") {
    const worker = await startWorker(appUrl, mailMode);
    stopWorker = () => worker.stop();
  }

  const app = next({ dev, hostname, port, dir: process.cwd() });
  const handle = app.getRequestHandler();
  await app.prepare();
  const passesOutageGuard = guardDatabaseOutage(appUrl);
  createServer(async (request, response) => {
    if (!hasDecodablePath(request.url ?? "/")) {
      response.writeHead(400, {
        "Content-Type": "text/plain; charset=utf-8",
        "X-Content-Type-Options": "nosniff",
      });
      response.end("That address is not valid.");
      return;
    }
    if (!(await passesOutageGuard(request, response))) return;
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request);
    return handle(request, response, parse(request.url ?? "/", true));
  }).listen(port, hostname, () =>
    console.log(`\nPeer Concerns is ready on http://${hostname}:${port}\n`),
  );
}

/**
 * Next.js answers 500 when a path segment is not valid percent-encoding (such as half a
 * UTF-8 character, %ED%A0%80): it is the client's mistake, so refuse it as one.
 */
function hasDecodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0]!);
    return true;
  } catch {
    return false;
  }
}

function describeMailMode(): string {
  if (mailMode === "smtp") return "Email: sent through SMTP_URL.";
  if (mailMode === "capture") {
    return `Email: no SMTP_URL, so mail is kept for the development mailbox at http://${hostname}:${port}/dev/mailbox`;
  }
  return "Email: no SMTP_URL is set, so email deliveries will fail (listed for administrators).";
}

async function seedDemo(url: string): Promise<void> {
  const password = process.env.DEMO_PASSWORD ?? DEMO_PASSWORD_DEFAULT;
  const { db, pool } = connectDatabase(url, { max: 1 });
  try {
    const seeded = await seedDemoOrganisation(db, password);
    console.log(
      seeded
        ? `\nDemo organisation created. Sign in as any of these (password: ${password}):`
        : `\nDemo accounts (password: ${password}, unless an administrator changed it):`,
    );
    for (const account of DEMO_ACCOUNTS) {
      const roles = account.roles.map((role) => ROLE_LABELS[role]).join(", ");
      console.log(`  ${roles.padEnd(20)} ${account.name.padEnd(20)} ${account.email}`);
    }
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
