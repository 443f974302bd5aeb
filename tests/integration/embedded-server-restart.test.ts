import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withAdminClient } from "@/db/admin";
import { type EmbeddedServer, startEmbeddedServer } from "@/db/embedded-server";
import { freePort } from "../support/free-port";

// Its own data directory and server: the shared test server is never killed.
const cleanUp: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanUp.reverse()) await step();
});

/**
 * A process holding the embedded server as the launcher does, in a process group of its
 * own so that one signal reaches it and its PostgreSQL together.
 */
async function holdServer(dataDir: string, port: number): Promise<ChildProcess> {
  const holder = spawn(
    process.execPath,
    ["--import", "tsx", "tests/integration/support/hold-embedded-server.ts", dataDir, String(port)],
    { detached: true, stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  holder.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  while (!output.includes("ready")) {
    if (holder.exitCode !== null) throw new Error(`The holder exited: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return holder;
}

async function killTogether(holder: ChildProcess): Promise<void> {
  const exited = once(holder, "exit");
  process.kill(-holder.pid!, "SIGKILL");
  await exited;
}

// Its own servers, whatever DATABASE_URL says: against an external server (CI's second
// integration run) it would prove nothing the first run did not.
describe.skipIf(Boolean(process.env.DATABASE_URL))(
  "the embedded PostgreSQL started again right after a crash",
  () => {
    it("serves every time when its previous server was killed with SIGKILL together with the launcher a moment before", async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "peer-concerns-restart-"));
      const port = await freePort();
      let server: EmbeddedServer | undefined;
      cleanUp.push(async () => {
        await server?.stop();
        await rm(dataDir, { recursive: true, force: true });
      });

      let holder = await holdServer(dataDir, port);
      for (let round = 0; round < 3; round++) {
        await killTogether(holder);
        // At once: the killed postmaster still exists until it is reaped.
        server = await startEmbeddedServer({ dataDir, port });
        expect(server.reused).toBe(false);
        const answer = await withAdminClient(server.url(), (client) =>
          client.query<{ one: number }>("select 1 as one"),
        );
        expect(answer.rows).toEqual([{ one: 1 }]);
        await server.stop();
        server = undefined;
        holder = await holdServer(dataDir, port);
      }
      await killTogether(holder);
    }, 120_000);

    it("reuses a server whose launcher alone was killed", async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), "peer-concerns-reuse-"));
      const port = await freePort();
      const holder = await holdServer(dataDir, port);
      let server: EmbeddedServer | undefined;
      cleanUp.push(async () => {
        await server?.stop();
        await rm(dataDir, { recursive: true, force: true });
      });
      const exited = once(holder, "exit");
      holder.kill("SIGKILL");
      await exited;
      server = await startEmbeddedServer({ dataDir, port });
      expect(server.reused).toBe(true);
      await withAdminClient(server.url(), (client) => client.query("select 1"));
    }, 60_000);
  },
);
