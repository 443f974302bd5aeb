/**
 * The launcher behind `npm start` and `npm run dev`, as its steps: provision the database
 * (embedded unless DATABASE_URL is set), migrate it, seed the demo organisation outside
 * production, start the worker, and serve the app from this same process, so stopping or
 * killing it leaves no server behind. Each step is a module of scripts/launcher/ (or the
 * database's and worker's own) that works on its own.
 */
import { migrateDatabase } from "@/db/migrate";
import { startWorker } from "@/lib/jobs/start-worker";
import { decideMailMode } from "@/lib/notifications/mail-config";
import { prepareAppEnvironment } from "./launcher/prepare-app-environment";
import { provisionDatabase, warnIfAppCanRewriteHistory } from "./launcher/provision-database";
import { seedDemo } from "./launcher/seed-demo";
import { serve } from "./launcher/serve";

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
  const database = await provisionDatabase();
  let stopWorker = async () => {};
  stopOnSignals(async () => {
    await stopWorker();
    await database.stop();
  });
  console.log(`Database: ${database.description}`);

  await migrateDatabase(database.ownerUrl);
  // From here on the app (web and worker) holds only the application role's privileges:
  // it may add audit events but never change or remove one.
  const appDatabaseUrl = await database.appUrl();
  await warnIfAppCanRewriteHistory(appDatabaseUrl);
  await prepareAppEnvironment({
    appDatabaseUrl,
    production,
    publicUrl: `http://${hostname}:${port}`,
    mailMode,
  });

  if (!production || process.env.SEED_DEMO === "true") await seedDemo(database.ownerUrl);

  console.log(describeMailMode());
  // RUN_WORKER=false when the timed steps run as separate `npm run worker` processes.
  if (process.env.RUN_WORKER !== "false") {
    const worker = await startWorker(appDatabaseUrl, mailMode);
    stopWorker = () => worker.stop();
    worker.failed.catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
  }

  await serve({ dev, hostname, port, databaseUrl: appDatabaseUrl });
}

function stopOnSignals(stop: () => Promise<void>): void {
  const shutdown = async (signal: string) => {
    console.log(`\n${signal}: stopping…`);
    await stop().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

function describeMailMode(): string {
  if (mailMode === "smtp") return "Email: sent through SMTP_URL.";
  if (mailMode === "capture") {
    return `Email: no SMTP_URL, so mail is kept for the development mailbox at http://${hostname}:${port}/dev/mailbox`;
  }
  return "Email: no SMTP_URL is set, so email deliveries will fail (listed for administrators).";
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
