import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import {
  databaseSeemsUnreachable,
  noteDatabaseError,
  noteDatabaseReachable,
} from "@/db/reachability";
import { securityHeaders } from "@/lib/http/security-headers";

// Seconds a client is asked to wait before trying again.
const RETRY_AFTER_SECONDS = 5;

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Temporarily unavailable – Peer Concerns</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>Temporarily unavailable</h1>
<p>Peer Concerns cannot reach its database just now, so nothing was read or saved.</p>
<p>Please try again in a moment. Anything you were submitting was not received: send it again then.</p>
</body>
</html>
`;

/**
 * Next.js can answer a page only with 200, 401, 403, 404 or 500, so the launcher's own
 * server decides 503 while the database cannot be reached: before a request, when a
 * failure was noted, it checks the database again (one check at a time, shared by the
 * requests waiting) and answers the "try again" page itself while it is still away; and
 * a request that met the outage inside Next.js has its 500 turned into a 503. As soon
 * as the database answers, requests go through again: no restart needed.
 */
export function guardDatabaseOutage(databaseUrl: string) {
  let check: Promise<boolean> | null = null;
  const reachable = () => {
    check ??= probe(databaseUrl).finally(() => {
      check = null;
    });
    return check;
  };

  return async function passesGuard(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<boolean> {
    if (databaseSeemsUnreachable() && !(await reachable())) {
      answerUnavailable(request, response);
      return false;
    }
    const writeHead = response.writeHead;
    response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: never[]) {
      if (statusCode === 500 && databaseSeemsUnreachable()) {
        this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
        return writeHead.call(this, 503, ...rest);
      }
      return writeHead.call(this, statusCode, ...rest);
    } as typeof response.writeHead;
    return true;
  };
}

async function probe(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    noteDatabaseReachable();
    return true;
  } catch (error) {
    noteDatabaseError(error);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function answerUnavailable(request: IncomingMessage, response: ServerResponse): void {
  const headers = securityHeaders({
    csp: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    production: process.env.NODE_ENV === "production",
    noStore: true,
  });
  response.writeHead(503, {
    ...headers,
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
  response.end(request.method === "HEAD" ? undefined : PAGE);
}
