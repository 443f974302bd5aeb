/**
 * `npm run worker`: the timed workflow steps, reminders and email delivery alone, for
 * deployments that run them apart from the web servers (npm start already runs one
 * in-process). Any number may run. It rides out database restarts by itself.
 */
import { startWorker } from "@/lib/jobs/start-worker";
import { decideMailMode } from "@/lib/notifications/mail-config";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the application's database.");
  process.exit(1);
}
const mailMode = decideMailMode(process.env);
const worker = await startWorker(url, mailMode).catch((error: unknown) => {
  console.error(`The worker could not start: ${(error as Error).message}`);
  process.exit(1);
});
console.log(`Worker running: timed steps, reminders and email (mail: ${mailMode}).`);
worker.failed.catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
