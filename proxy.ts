import { type NextRequest, NextResponse } from "next/server";
import {
  contentSecurityPolicy,
  DOWNLOAD_CSP,
  DOWNLOAD_PATH_PREFIX,
  securityHeaders,
} from "@/lib/http/security-headers";

const PUBLIC_PAGES = ["/sign-in", "/forgot-password"];
// Opened from an emailed link, signed out: the token follows in the path.
const PUBLIC_PREFIXES = ["/reset-password/", "/invitation/"];

/**
 * Two conveniences, deciding no access: every response gets the security headers (with a
 * fresh CSP nonce, which Next.js applies to its scripts), and page visits without a
 * session cookie are sent to sign-in. Every page, action and route handler checks the
 * session and the record itself, so skipping this file gains nothing.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = request.cookies
    .getAll()
    .some((cookie) => cookie.name.includes("authjs.session-token"));
  const isApi = pathname.startsWith("/api/");
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === "development",
    ssoIssuer: process.env.OIDC_ISSUER,
  });
  const headers = securityHeaders({
    // A downloaded file never gets the pages' policy, which would let it run the app's scripts.
    csp: pathname.startsWith(DOWNLOAD_PATH_PREFIX) ? DOWNLOAD_CSP : csp,
    production: process.env.NODE_ENV === "production",
    noStore: isApi || hasSessionCookie,
  });

  let response: NextResponse;
  const isPublic =
    PUBLIC_PAGES.includes(pathname) ||
    PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  if (!isApi && !hasSessionCookie && !isPublic) {
    const signIn = new URL("/sign-in", request.url);
    const target = pathname + search;
    if (target !== "/") signIn.searchParams.set("callbackUrl", target);
    response = NextResponse.redirect(signIn);
  } else {
    // Next.js reads the nonce from the request's policy while rendering.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files, which hold no data and are cached for good.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
