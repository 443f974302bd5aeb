/**
 * `npm run worker`: the timed workflow steps, reminders and email delivery alone, for deployments that run them apart
 * from the web servers (npm start already runs one in-process). Any number may run.
 */
import { startWorker } from "@/lib/jobs/start-worker";
import { decideMailMode } from "@/lib/notifications/mail-config";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the application's database.");
  process.exit(1);
}
const mailMode = decideMailMode(process.env);
const runner = await startWorker(url, mailMode);
console.log(`Worker running: timed steps, reminders and email (mail: ${mailMode}).`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void runner.stop().then(() => process.exit(0));
  });
}
