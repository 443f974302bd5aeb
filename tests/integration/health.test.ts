import { describe, expect, it, vi } from "vitest";
import { freePort } from "../support/free-port";
import { withFreshDatabase } from "./support/fresh-database";

const database = withFreshDatabase();

// The route reads DATABASE_URL through the process-wide pool, as in production; each
// case loads a fresh copy of the module graph so it gets a pool of its own.
async function healthWith(url: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  delete (globalThis as { __peerConcernsDb?: unknown }).__peerConcernsDb;
  const { GET } = await import("@/app/api/health/route");
  return GET();
}

describe("/api/health", () => {
  it("answers 200 while the database is reachable", async () => {
    const response = await healthWith(database.url);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers 503, without details, when the database is unreachable", async () => {
    const response = await healthWith(`postgres://postgres@127.0.0.1:${await freePort()}/none`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
