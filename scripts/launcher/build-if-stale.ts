import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "proxy.ts",
  "next.config.ts",
  "package-lock.json",
];

function newestModification(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, child) => Math.max(newest, newestModification(path.join(entry, child))),
    stat.mtimeMs,
  );
}

/**
 * `npm start` serves a production build: made on first start and again after edits. The
 * benchmark passes its own build folder and environment (see next.config.ts).
 */
export function buildIfStale(
  options: { distDir: string; env?: Record<string, string> } = { distDir: ".next" },
): void {
  const buildId = path.join(options.distDir, "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestModification))) return;
  console.log("Building the app (first start, or the sources changed)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, ...options.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}
