import type { IncomingMessage } from "node:http";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { pathOf } from "./short-answer";

/**
 * The checks Next.js makes on a server action's request, made by the launcher first: when
 * they fail inside Next.js, it answers 500, as if the server were at fault. Each mirrors
 * Next.js's own rule (next/dist/server/app-render/action-handler.js) and parser, so what
 * Next.js would accept passes unchanged.
 */

const busboy = createRequire(import.meta.url)("next/dist/compiled/busboy") as (config: {
  headers: IncomingMessage["headers"];
}) => NodeJS.WritableStream & {
  on(event: "field", listener: (name: string, value: string) => void): unknown;
  on(event: "file", listener: (name: string, stream: Readable) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "close", listener: () => void): unknown;
};

export interface ServerActionRequest {
  /** Sent by Next.js's client code with the action's id in `Next-Action`. */
  fetchAction: boolean;
  multipart: boolean;
  contentType: string;
}

/**
 * A POST to a page that Next.js will treat as a possible server action: one naming an
 * action in `Next-Action`, or any multipart form (a form submitted without JavaScript).
 * URL-encoded posts Next.js turns away before reading them.
 */
export function serverActionRequest(request: IncomingMessage): ServerActionRequest | null {
  const path = pathOf(request.url);
  if (request.method !== "POST" || path.startsWith("/api/") || path.startsWith("/_next/")) {
    return null;
  }
  const contentType = request.headers["content-type"] ?? "";
  const fetchAction = typeof request.headers["next-action"] === "string";
  const multipart = contentType.startsWith("multipart/form-data");
  if (contentType === "application/x-www-form-urlencoded") return null;
  return fetchAction || multipart ? { fetchAction, multipart, contentType } : null;
}

/**
 * Next.js refuses an action whose Origin is not the host it was sent to (CSRF): true for
 * those, and for an Origin that is not a URL at all. A request without Origin passes, as
 * in Next.js: it is not a browser's, so it carries nobody's cookies by accident.
 */
export function isCrossSiteAction(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded)
    ?.split(",")[0]
    ?.trim();
  return originHost !== (forwardedHost || request.headers.host);
}

/** A `Next-Router-State-Tree` header Next.js could not parse. */
export function hasMalformedRouterState(request: IncomingMessage): boolean {
  const header = request.headers["next-router-state-tree"];
  if (header === undefined) return false;
  try {
    parseAndValidateFlightRouterState(header);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether Next.js could read this action's body: a well-formed multipart form (with the
 * reply's root as JSON, for an action sent by Next.js's client) or, sent as text, the
 * reply as JSON.
 */
export async function isReadableActionBody(
  action: ServerActionRequest,
  headers: IncomingMessage["headers"],
  body: Buffer,
): Promise<boolean> {
  if (!action.multipart) return isJson(body.toString("utf8"));
  if (!action.fetchAction) {
    // A form without JavaScript: Next.js reads it with the platform's FormData parser.
    return new Request("http://launcher.invalid/", {
      method: "POST",
      headers: { "Content-Type": action.contentType },
      body: Uint8Array.from(body),
    })
      .formData()
      .then(
        () => true,
        () => false,
      );
  }
  const fields = await multipartFields(headers, body);
  const root = fields?.get("0");
  return root !== undefined && isJson(root);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The text fields of a multipart body, by Next.js's own parser; null if it cannot be read. */
function multipartFields(
  headers: IncomingMessage["headers"],
  body: Buffer,
): Promise<Map<string, string> | null> {
  return new Promise((resolve) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers });
    } catch {
      resolve(null);
      return;
    }
    const fields = new Map<string, string>();
    parser.on("field", (name, value) => fields.set(name, value));
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(fields));
    Readable.from([body]).pipe(parser);
  });
}
