import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { sameOriginOnly } from "@/lib/http/same-origin";

export const { GET } = handlers;
// Auth.js has its own CSRF token for sign-in and sign-out; the origin check is a second
// lock that holds even if a token leaks.
export const POST = sameOriginOnly((request: Request) => handlers.POST(request as NextRequest));
