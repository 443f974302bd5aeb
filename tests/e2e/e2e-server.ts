import { test } from "@playwright/test";

/**
 * The suite runs in two halves side by side, each on a worker of its own against a server
 * of its own: the production build on a fresh embedded database, so that one half changing
 * organisation settings or filling a person's daily limit never touches the other.
 * playwright.config.ts starts them; a journey's helpers find their own through the project.
 */
export interface E2eServer {
  port: number;
  pgPort: number;
  /** The server's embedded PostgreSQL and what the journeys keep beside it. */
  dataDir: string;
  /** Everything the server prints, so a journey can prove what never reaches a log line. */
  log: string;
}

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);

export const E2E_SERVERS: readonly E2eServer[] = [0, 1].map((index) => ({
  port: BASE_PORT + index,
  pgPort: BASE_PG_PORT + index,
  dataDir: `.data/e2e-${index}`,
  log: `.test-results/e2e-server-${index}.log`,
}));

/** The server of the journey running now. */
export function e2eServer(): E2eServer {
  return test.info().project.metadata.server as E2eServer;
}
