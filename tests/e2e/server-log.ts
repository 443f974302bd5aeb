/**
 * Everything the e2e server prints (stdout and stderr), kept by playwright.config.ts so a
 * journey can prove what never reaches a log line.
 */
export const E2E_SERVER_LOG = ".test-results/e2e-server.log";
