import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * AUTH_SECRET signs session cookies. Production must provide one; elsewhere a random
 * secret is kept in `.data/` so sessions survive a restart.
 */
export async function ensureAuthSecret(production: boolean): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (production) {
    throw new Error(
      "AUTH_SECRET must be set in production (for example: openssl rand -base64 33).",
    );
  }
  const file = path.resolve(".data/auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
