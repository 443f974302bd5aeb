/**
 * Starts the embedded PostgreSQL on the data directory and port given as arguments,
 * prints "ready", and holds it, as the launcher does: a test kills this process and its
 * server together, as a crash would.
 */
import { startEmbeddedServer } from "@/db/embedded-server";

const [dataDir, port] = process.argv.slice(2);
await startEmbeddedServer({ dataDir: dataDir!, port: Number(port) });
console.log("ready");
setInterval(() => {}, 60_000);
