/**
 * `npm run worker`: the timed workflow steps alone, for deployments that run them apart
 * from the web servers (npm start already runs one in-process). Any number may run.
 */
import { startWorker } from "@/lib/jobs/start-worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the application's database.");
  process.exit(1);
}
const runner = await startWorker(url);
console.log("Worker running: timed steps of the concern workflow.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void runner.stop().then(() => process.exit(0));
  });
}
