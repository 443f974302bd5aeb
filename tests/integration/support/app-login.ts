import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { withAdminClient } from "@/db/admin";
import { ensureEmbeddedAppLogin } from "@/db/app-role";

/**
 * A login role of the application's kind (a member of peer_concerns_app, as the launcher
 * creates on the embedded server) for the file's fresh database, for code that connects by
 * URL alone: the worker's real entry and separate worker processes. Call after
 * withFreshDatabase; the role is dropped after the file's tests.
 */
export function withAppLogin(database: { url: string }) {
  const login = `pc_login_${process.pid}_${Date.now()}`;
  let url: string | undefined;

  beforeAll(async () => {
    const passwordDir = await mkdtemp(path.join(tmpdir(), "peer-concerns-login-"));
    url = await ensureEmbeddedAppLogin(database.url, passwordDir, login);
    await rm(passwordDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await withAdminClient(inject("adminDatabaseUrl"), (client) =>
      client.query(`drop role if exists ${client.escapeIdentifier(login)}`),
    );
  });

  return {
    get url() {
      if (!url) throw new Error("The app login is ready only inside tests and hooks.");
      return url;
    },
  };
}
