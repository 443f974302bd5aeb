import type { IncomingMessage, ServerResponse } from "node:http";
import { databaseSeemsUnreachable } from "@/db/reachability";
import { HEALTH_PATH, UNHEALTHY } from "@/lib/http/health";
import { pathOf, type ShortAnswer, writeShortAnswer } from "./short-answer";

// Seconds a client is asked to wait before trying again.
const RETRY_AFTER_SECONDS = 5;

function unavailable(path: string): ShortAnswer {
  return {
    status: 503,
    title: "Temporarily unavailable",
    message:
      "Peer Concerns cannot reach its database just now, so nothing was read or saved. Please try again in a moment: anything you were submitting was not received, so send it again then.",
    json:
      path === HEALTH_PATH
        ? UNHEALTHY
        : { error: "The service is temporarily unavailable. Please try again in a moment." },
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  };
}

export interface OutageGuard {
  /** Answers 503 "try again" and returns true while the database cannot be reached. */
  answeredUnavailable(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Turns the 500 of a request that met the outage inside Next.js into a 503. */
  watch(response: ServerResponse): void;
}

/**
 * Next.js can answer a page only with 200, 401, 403, 404 or 500, so the launcher's own
 * server decides 503 while the database cannot be reached: before a request, when a
 * failure was noted, it checks the database again (one check at a time, shared by the
 * requests waiting) and answers the "try again" page itself while it is still away; and
 * a request that met the outage inside Next.js has its 500 turned into a 503. As soon
 * as the database answers, requests go through again: no restart needed.
 */
export function guardDatabaseOutage(isReachable: () => Promise<boolean>): OutageGuard {
  let check: Promise<boolean> | null = null;
  const reachable = () => {
    check ??= isReachable().finally(() => {
      check = null;
    });
    return check;
  };

  return {
    async answeredUnavailable(request, response) {
      if (!databaseSeemsUnreachable() || (await reachable())) return false;
      writeShortAnswer(request, response, unavailable(pathOf(request.url)));
      return true;
    },
    watch(response) {
      const writeHead = response.writeHead;
      response.writeHead = function (this: ServerResponse, statusCode: number, ...rest: never[]) {
        if (statusCode === 500 && databaseSeemsUnreachable()) {
          this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
          return writeHead.call(this, 503, ...rest);
        }
        return writeHead.call(this, statusCode, ...rest);
      } as typeof response.writeHead;
    },
  };
}
