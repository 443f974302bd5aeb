import type { IncomingMessage, ServerResponse } from "node:http";
import { STATUS_CODES } from "node:http";
import { securityHeaders } from "@/lib/http/security-headers";

/**
 * What the launcher answers itself, without Next.js: a request it refuses or cannot serve.
 * Fixed wording only, never anything from the request, so nothing a client sends is
 * reflected. Pages get a short HTML page, route handlers (`/api/…`) JSON.
 */
export interface ShortAnswer {
  status: number;
  title: string;
  message: string;
  /** Replaces `{ error: message }` for route handlers. */
  json?: unknown;
  headers?: Record<string, string>;
}

const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function headersFor(contentType: string, extra: Record<string, string> = {}) {
  return {
    ...securityHeaders({
      csp: PAGE_POLICY,
      production: process.env.NODE_ENV === "production",
      noStore: true,
    }),
    "Content-Type": contentType,
    ...extra,
  };
}

export function shortPage(answer: ShortAnswer): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${answer.title} – Peer Concerns</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<h1>${answer.title}</h1>
<p>${answer.message}</p>
</body>
</html>
`;
}

/** The path of a request's URL, without its query. */
export function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0]!;
}

export function isRouteHandlerPath(url: string | undefined): boolean {
  return pathOf(url).startsWith("/api/");
}

export function writeShortAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  answer: ShortAnswer,
): void {
  const asJson = isRouteHandlerPath(request.url);
  const body = asJson
    ? JSON.stringify(answer.json ?? { error: answer.message })
    : shortPage(answer);
  response.writeHead(
    answer.status,
    headersFor(
      asJson ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
      answer.headers,
    ),
  );
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * The same page as a whole HTTP/1.1 response, for a connection whose request could not
 * even be parsed (so there is no request or response object to answer with).
 */
export function rawShortAnswer(answer: ShortAnswer): string {
  const body = shortPage(answer);
  const headers = {
    ...headersFor("text/html; charset=utf-8", answer.headers),
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  const reason = STATUS_CODES[answer.status] ?? "Error";
  return `HTTP/1.1 ${answer.status} ${reason}\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}
