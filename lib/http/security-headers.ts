/**
 * The headers every response carries (set in proxy.ts). A nonce-based policy: only
 * scripts carrying this response's nonce run (Next.js adds it to its own), and what they
 * load ('strict-dynamic'); no inline script an attacker slipped into a page can run.
 */
export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; ssoIssuer?: string },
): string {
  // A sign-in with single sign-on is a form post that redirects to the identity provider,
  // which form-action governs too.
  const formTargets = ["'self'", ...(options.ssoIssuer ? [new URL(options.ssoIssuer).origin] : [])];
  return [
    "default-src 'self'",
    // React in development rebuilds error stacks with eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's, Next's route announcer) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formTargets.join(" ")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy of a downloaded file (evidence): nothing in it may run or load anything, even
 * if a browser were talked into showing it instead of saving it.
 */
export const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

/** Where files are downloaded from: these answers carry DOWNLOAD_CSP, not a page's policy. */
export const DOWNLOAD_PATH_PREFIX = "/evidence/";

export function securityHeaders(options: {
  csp: string;
  production: boolean;
  /** Signed-in pages and every route handler: never stored by a browser or proxy. */
  noStore: boolean;
}): Record<string, string> {
  return {
    "Content-Security-Policy": options.csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    // Browsers ignore it over plain HTTP, so it is harmless on a developer's machine;
    // only production promises HTTPS.
    ...(options.production
      ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }
      : {}),
    ...(options.noStore ? { "Cache-Control": "no-store, max-age=0" } : {}),
  };
}
