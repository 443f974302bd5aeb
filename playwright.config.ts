import { defineConfig } from "@playwright/test";
import { E2E_SERVER_LOG } from "./tests/e2e/server-log";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = ".data/e2e";

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
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One at a time: some journeys shorten the organisation-wide deadline setting briefly.
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    // A locator that finds nothing fails at once with its own name, rather than silently
    // using up the whole test's minute (reading text has no timeout of its own otherwise).
    actionTimeout: 15_000,
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  // The production build, served by the real launcher on a fresh embedded database of
  // its own, so the journeys run against exactly what `npm start` serves.
  webServer: {
    command: `rm -rf ${DATA_DIR} && mkdir -p .test-results && tsx scripts/start.ts 2>&1 | tee ${E2E_SERVER_LOG}`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      EMBEDDED_PG_DATA: `${DATA_DIR}/postgres`,
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      DATABASE_URL: "",
      // No mail server: mail is captured for the development mailbox the journeys read.
      SMTP_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
