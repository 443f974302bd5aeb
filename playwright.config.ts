import { defineConfig } from "@playwright/test";
import { E2E_SERVERS } from "./tests/e2e/e2e-server";

// The second half of the suite: files that change nothing the first half reads, chosen so
// that the halves take about as long (measured on a 2-core machine). A new file
// joins the first half until it is moved here.
const SECOND_HALF = [
  "screens.spec.ts",
  "forms-keep-input.spec.ts",
  "authorisation-matrix.spec.ts",
  "crash-restart.spec.ts",
].map((file) => `**/${file}`);

// Browsers cannot be downloaded here: drive the system Chromium.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "tests/e2e",
  // A journey takes 5 to 50 seconds here, but CI has run on a 2-core machine up to ten times
  // slower (a sign-in of 1 s took 11 s): the limit is there to end a hung journey, not to
  // time one, so it allows for that machine. Speed belongs to `npm run bench`.
  timeout: 180_000,
  // One step's wait, with the same allowance: a page that answers in a second here may take ten.
  expect: { timeout: 20_000 },
  // Two halves side by side, each one journey at a time against a server of its own: some
  // journeys shorten the organisation-wide deadlines or fill a daily limit briefly.
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    // A locator that finds nothing fails at once with its own name, rather than silently
    // using up the whole test's time (reading text has no timeout of its own otherwise).
    actionTimeout: 30_000,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  projects: E2E_SERVERS.map((server, index) => ({
    name: `half-${index + 1}`,
    workers: 1,
    metadata: { server },
    use: { baseURL: `http://localhost:${server.port}` },
    ...(index === 0 ? { testIgnore: SECOND_HALF } : { testMatch: SECOND_HALF }),
  })),
  // The production build, served by the real launcher on a fresh embedded database of
  // its own, so the journeys run against exactly what `npm start` serves.
  webServer: E2E_SERVERS.map((server) => ({
    command: `rm -rf ${server.dataDir} && mkdir -p .test-results && tsx scripts/start.ts 2>&1 | tee ${server.log}`,
    url: `http://localhost:${server.port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(server.port),
      EMBEDDED_PG_DATA: `${server.dataDir}/postgres`,
      EMBEDDED_PG_PORT: String(server.pgPort),
      DATABASE_URL: "",
      // No mail server: mail is captured for the development mailbox the journeys read.
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  })),
});
