// Our package registry mirror lacks the prebuilt binaries of some platforms (darwin,
// win32, musl…), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock as out of sync. This adds an entry for every optional
// platform package the lock names but lacks, with its os/cpu/libc, so `npm ci` skips
// them as foreign platforms instead of failing. Run it after `npm install` changes the
// lock: `npx tsx scripts/complete-lockfile.ts`.
import { readFileSync, writeFileSync } from "node:fs";

type LockEntry = {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};

const OPERATING_SYSTEMS = ["android", "darwin", "freebsd", "linux", "win32", "wasi"];
const CPUS = ["arm64", "x64", "arm", "ia32", "wasm32"];

function platformOf(name: string): Pick<LockEntry, "os" | "cpu" | "libc"> {
  const parts = name.split("/").pop()?.split("-") ?? [];
  const os = parts.find((part) => OPERATING_SYSTEMS.includes(part));
  const cpu = parts.find((part) => CPUS.includes(part));
  const libc = parts.includes("musl") ? "musl" : os === "linux" ? "glibc" : undefined;
  return {
    ...(os && os !== "wasi" ? { os: [os] } : {}),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc: [libc] } : {}),
  };
}

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8")) as { packages: Record<string, LockEntry> };
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    if (lock.packages[target] || !/\d/.test(version)) continue;
    const platform = platformOf(name);
    if (!platform.os && !platform.cpu) continue;
    lock.packages[target] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
    console.log(`added ${target}@${version} (from ${key || "root"})`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(path, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(`${added} platform entries added`);
