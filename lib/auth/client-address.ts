import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The header carrying the client's network address to the app, for the per-address
 * sign-in limit. The launcher (scripts/launcher/request-pipeline.ts) sets it on every
 * request, replacing whatever the client sent, and signs it with a key that exists only
 * in its own process; the app believes it only with a valid signature. So when the app
 * is served some other way (`next start`, another server), the header is whatever the
 * client typed and is ignored: the address is then unknown, and no stranger's guesses
 * count against it.
 */
export const CLIENT_ADDRESS_HEADER = "x-peer-concerns-client-address";

// In process memory only (not the environment, which child processes inherit): the
// launcher and the Next.js server bundle share this process and its globalThis.
const KEY = Symbol.for("peer-concerns.client-address-key");
const processWide = globalThis as typeof globalThis & { [KEY]?: Buffer };

const SIGNED = /^(.+); sig=([A-Za-z0-9_-]{43})$/;

function signatureOf(key: Buffer, address: string): string {
  return createHmac("sha256", key).update(address).digest("base64url");
}

/** The launcher, once at start: from then on this process vouches for the addresses it records. */
export function holdClientAddressKey(): void {
  processWide[KEY] ??= randomBytes(32);
}

/** The launcher, for every request: the connection's address, signed, replacing the client's. */
export function recordClientAddress(request: IncomingMessage): void {
  const key = processWide[KEY];
  if (!key) throw new Error("holdClientAddressKey() must run before requests are served.");
  const address = clientAddressOf(request);
  request.headers[CLIENT_ADDRESS_HEADER] = `${address}; sig=${signatureOf(key, address)}`;
}

/** The app: the client's address as this process's launcher recorded it, or null. */
export function trustedClientAddress(headers: Pick<Headers, "get">): string | null {
  const key = processWide[KEY];
  const match = key && SIGNED.exec(headers.get(CLIENT_ADDRESS_HEADER) ?? "");
  if (!key || !match) return null;
  const [, address, signature] = match as unknown as [string, string, string];
  const valid = timingSafeEqual(Buffer.from(signature), Buffer.from(signatureOf(key, address)));
  return valid ? address : null;
}

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
