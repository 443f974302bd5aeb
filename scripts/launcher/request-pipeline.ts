import { createServer, type Server, type ServerResponse } from "node:http";
import { holdClientAddressKey, recordClientAddress } from "@/lib/auth/client-address";
import { bodyLimitOf } from "./body-limits";
import type { OutageGuard } from "./database-outage";
import { LauncherRequest } from "./launcher-request";
import {
  hasMalformedRouterState,
  isCrossSiteAction,
  isReadableActionBody,
  serverActionRequest,
} from "./server-action-request";
import { pathOf, type ShortAnswer, writeShortAnswer } from "./short-answer";
import { answerUnparsableRequest } from "./unparsable-request";

/** Next.js's request handler: where every request the launcher lets through goes. */
export type AppHandler = (request: LauncherRequest, response: ServerResponse) => Promise<void>;

export interface RequestPipelineOptions {
  handle: AppHandler;
  outage: OutageGuard;
}

const REFUSALS = {
  undecodablePath: {
    status: 400,
    title: "Not a valid address",
    message: "That address is not valid.",
  },
  malformedRouterState: {
    status: 400,
    title: "Bad request",
    message: "The page's navigation state could not be read. Reload the page.",
  },
  crossSiteAction: {
    status: 403,
    title: "Refused",
    message:
      "A form on another site tried to act in Peer Concerns; that is refused and nothing was done. Use Peer Concerns itself.",
  },
  unreadableActionBody: {
    status: 400,
    title: "Bad request",
    message: "The form could not be read, so nothing was saved. Reload the page and try again.",
  },
} satisfies Record<string, ShortAnswer>;

function bodyTooLarge(limit: number): ShortAnswer {
  return {
    status: 413,
    title: "Too large",
    message: `What was sent is larger than ${limit / 1024 / 1024} MB, so it was not read and nothing was saved.`,
  };
}

/**
 * The launcher's HTTP server. A request Node cannot parse (such as an address or header
 * block over its 16 KB limit) gets a short 4xx page, never a reset connection
 * (unparsable-request.ts). Every other request passes, in order:
 * 1. what Next.js would fail on with a 500, though the client is at fault, is refused
 *    with a 4xx: a path that is not valid percent-encoding, a navigation-state header
 *    that does not parse, a body over the limit (said before anything reads it), a server
 *    action from another site (403), an action's body that does not parse
 *    (server-action-request.ts);
 * 2. while the database is away, the "try again" answer (503), see database-outage.ts;
 * 3. the client's address is recorded for the app, signed with a key only this process
 *    holds (lib/auth/client-address.ts);
 * then Next.js serves it, with the body the launcher held back (launcher-request.ts).
 */
export function createLauncherServer(options: RequestPipelineOptions): Server {
  holdClientAddressKey();
  const server = createServer({ IncomingMessage: LauncherRequest }, (request, response) => {
    const launcherRequest = request as LauncherRequest;
    servePipeline(options, launcherRequest, response).catch((error: unknown) => {
      console.error("[launcher] request failed:", error);
      launcherRequest.dropBody();
      if (!response.headersSent) {
        writeShortAnswer(request, response, {
          status: 500,
          title: "Something went wrong",
          message: "The request could not be completed. Please try again.",
        });
      } else {
        response.destroy();
      }
    });
  });
  server.on("clientError", answerUnparsableRequest);
  return server;
}

async function servePipeline(
  { handle, outage }: RequestPipelineOptions,
  request: LauncherRequest,
  response: ServerResponse,
): Promise<void> {
  const refusal = await refusalOf(request);
  if (refusal) {
    request.dropBody();
    if (refusal !== "gone") writeShortAnswer(request, response, refusal);
    return;
  }
  if (await outage.answeredUnavailable(request, response)) {
    request.dropBody();
    return;
  }
  outage.watch(response);
  recordClientAddress(request);
  request.releaseBody();
  await handle(request, response);
}

/** Why the launcher answers this request itself; "gone" when the client left meanwhile. */
async function refusalOf(request: LauncherRequest): Promise<ShortAnswer | "gone" | null> {
  if (!hasDecodablePath(request.url)) return REFUSALS.undecodablePath;
  if (hasMalformedRouterState(request)) return REFUSALS.malformedRouterState;
  const limit = bodyLimitOf(request);
  if (Number(request.headers["content-length"] ?? 0) > limit) return bodyTooLarge(limit);
  const action = serverActionRequest(request);
  if (action && isCrossSiteAction(request)) return REFUSALS.crossSiteAction;
  // A body without a declared length is counted as it arrives; an action's body is read
  // whole and checked, as Next.js would read it.
  const declaresLength = request.headers["content-length"] !== undefined;
  if (!action && (declaresLength || request.headers["transfer-encoding"] === undefined)) {
    return null;
  }
  const body = await request.heldBody();
  if (body === "gone") return "gone";
  if (body === "too large") return bodyTooLarge(limit);
  if (action && !(await isReadableActionBody(action, request.headers, body))) {
    return REFUSALS.unreadableActionBody;
  }
  return null;
}

/**
 * Next.js answers 500 when a path segment is not valid percent-encoding (such as half a
 * UTF-8 character, %ED%A0%80): it is the client's mistake, so refuse it as one.
 */
function hasDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent(pathOf(url));
    return true;
  } catch {
    return false;
  }
}
