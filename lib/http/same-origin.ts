/**
 * Route handlers that change something answer only their own site's pages: a cross-site
 * form or fetch (CSRF) is refused before the handler runs. Browsers send Sec-Fetch-Site
 * and Origin with every POST; a request with neither is not from a browser and carries
 * no one's cookies by accident. Server actions have Next.js's own origin check.
 */
export function isCrossOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  return !allowedHosts(request).includes(originHost);
}

function allowedHosts(request: Request): string[] {
  const hosts = [request.headers.get("x-forwarded-host"), request.headers.get("host")];
  if (process.env.AUTH_URL) hosts.push(new URL(process.env.AUTH_URL).host);
  return hosts.filter((host): host is string => Boolean(host));
}

/**
 * A page opened from another site's link, form or redirect (or from a webmail's link).
 * A GET must then change nothing: a link elsewhere must not write to an officer's access
 * log or start a download in their name. Typed addresses and bookmarks say "none"; a
 * request without the header is not a browser's navigation from another site.
 */
export function isForeignNavigation(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

export function refusedCrossOrigin(): Response {
  return Response.json(
    { error: "Cross-site requests are refused. Use the form on this site." },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}

/** Wraps a state-changing route handler so it refuses cross-site requests. */
export function sameOriginOnly<A extends unknown[]>(
  handler: (request: Request, ...rest: A) => Promise<Response> | Response,
) {
  return async (request: Request, ...rest: A): Promise<Response> =>
    isCrossOrigin(request) ? refusedCrossOrigin() : handler(request, ...rest);
}
