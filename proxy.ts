import { type NextRequest, NextResponse } from "next/server";

/**
 * Only a convenience: sends visitors without a session cookie to sign-in. It decides no
 * access. Every page, action and route handler checks the session and the record itself.
 */
export function proxy(request: NextRequest) {
  const hasSessionCookie = request.cookies
    .getAll()
    .some((cookie) => cookie.name.includes("authjs.session-token"));
  if (hasSessionCookie) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Pages only: route handlers answer 401 themselves, and static assets need no session.
  matcher: ["/((?!api/|_next/|sign-in|favicon.ico|robots.txt).*)"],
};
