/**
 * `npm test`: every layer in turn — unit, integration, lint, a production build, end to end —
 * then one line `N passed, N failed` with the totals, which CI reads.
 *
 * ALSO_TEST_DATABASE_URL runs the integration layer a second time against that external
 * server (CI proves both the embedded default and a real external PostgreSQL).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

interface LayerResult {
  name: string;
  passed: number;
  failed: number;
}

const RESULTS = ".test-results";

// Integration files spend much of their time waiting on PostgreSQL, and each has a database
// of its own: two at a time even on a 2-core machine, where vitest's default is one.
const INTEGRATION_WORKERS = String(Math.max(2, availableParallelism() - 1));

/**
 * Runs a command to its end, its output on the terminal or, with `log`, in that file. It
 * does not block this process, so a layer running beside another keeps writing its output.
 */
async function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  log?: string,
): Promise<number> {
  const child = spawn(command, args, {
    stdio: log ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const output = log ? createWriteStream(log) : null;
  if (output) {
    child.stdout?.pipe(output);
    child.stderr?.pipe(output);
  }
  const [code] = (await once(child, "close")) as [number | null];
  if (output) await new Promise((resolve) => output.end(resolve));
  return code ?? 1;
}

function vitestArgs(project: string, report: string, extraArgs: string[]): string[] {
  return [
    "vitest",
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...extraArgs,
  ];
}

/**
 * A vitest layer. With `log`, its output goes to that file, so that it can run beside
 * another layer without the two interleaving on the terminal.
 */
async function vitestLayer(
  name: string,
  project: string,
  env: Record<string, string> = {},
  extraArgs: string[] = [],
  log?: string,
): Promise<LayerResult> {
  const report = path.join(RESULTS, `${name}.json`);
  rmSync(report, { force: true });
  const exit = await run("npx", vitestArgs(project, report, extraArgs), env, log);
  return vitestResult(name, report, exit);
}

function vitestResult(name: string, report: string, exit: number): LayerResult {
  if (!existsSync(report)) return { name, passed: 0, failed: 1 };
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  // A crash outside any test (a failing setup) still fails the layer.
  const failed = json.numFailedTests || (exit !== 0 ? 1 : 0);
  return { name, passed: json.numPassedTests, failed };
}

/** Formatting and lint rules (Biome) hold for every file: a failure counts against the run. */
async function lintLayer(): Promise<LayerResult> {
  const exit = await run("npx", ["biome", "check", "."], {});
  return { name: "lint", passed: 0, failed: exit === 0 ? 0 : 1 };
}

async function buildLayer(): Promise<LayerResult> {
  const exit = await run("npx", ["next", "build"], {});
  return { name: "build", passed: 0, failed: exit === 0 ? 0 : 1 };
}

async function e2eLayer(): Promise<LayerResult> {
  const report = path.join(RESULTS, "e2e.json");
  rmSync(report, { force: true });
  const exit = await run("npx", ["playwright", "test"], {});
  if (!existsSync(report)) return { name: "e2e", passed: 0, failed: 1 };
  const { stats } = JSON.parse(readFileSync(report, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  const failed = stats.unexpected + stats.flaky || (exit !== 0 ? 1 : 0);
  return { name: "e2e", passed: stats.expected, failed };
}

mkdirSync(RESULTS, { recursive: true });
const layers: LayerResult[] = [];
layers.push(await vitestLayer("unit", "unit"));
const integrationArgs = [`--maxWorkers=${INTEGRATION_WORKERS}`];
// Against the external server the integration layer runs beside the embedded one: each
// file has a database of its own on its own server, and the two wait on PostgreSQL more
// than they compute, so together they take little longer than either.
const external = process.env.ALSO_TEST_DATABASE_URL;
const externalLog = path.join(RESULTS, "integration-external.log");
const [embedded, beside] = await Promise.all([
  vitestLayer("integration", "integration", { DATABASE_URL: "" }, integrationArgs),
  external
    ? vitestLayer(
        "integration-external",
        "integration",
        { DATABASE_URL: external },
        integrationArgs,
        externalLog,
      )
    : null,
]);
layers.push(embedded);
if (beside) {
  console.log(`\nintegration-external, run beside it:\n${readFileSync(externalLog, "utf8")}`);
  layers.push(beside);
}
layers.push(await lintLayer());
const build = await buildLayer();
layers.push(build);
if (build.failed === 0) layers.push(await e2eLayer());
else layers.push({ name: "e2e (not run: build failed)", passed: 0, failed: 1 });

console.log("\nTest layers:");
for (const layer of layers) {
  if ((layer.name !== "build" && layer.name !== "lint") || layer.failed) {
    console.log(`  ${layer.name.padEnd(22)} ${layer.passed} passed, ${layer.failed} failed`);
  }
}
const passed = layers.reduce((sum, layer) => sum + layer.passed, 0);
const failed = layers.reduce((sum, layer) => sum + layer.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
