import type { IncomingMessage } from "node:http";

/**
 * The header carrying the client's network address to the app. The launcher
 * (scripts/start.ts) sets it on every request, replacing whatever the client sent, so it
 * cannot be forged to dodge the per-address sign-in limit.
 */
export const CLIENT_ADDRESS_HEADER = "x-peer-concerns-client-address";

/**
 * The socket's peer, or, behind a reverse proxy (TRUST_PROXY=true), the address that
 * proxy appended last to X-Forwarded-For; earlier entries are the client's own claims.
 */
export function clientAddressOf(request: IncomingMessage): string {
  if (process.env.TRUST_PROXY === "true") {
    const forwarded = request.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return request.socket.remoteAddress ?? "unknown";
}
