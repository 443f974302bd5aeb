import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { searchDirectory } from "@/lib/queries/users";

export const dynamic = "force-dynamic";

/** Colleague picker: active physicians by name or email, never the person asking. */
export async function GET(request: NextRequest) {
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (!can(actor, "directory:search")) {
    return Response.json({ error: "You do not have access to the directory." }, { status: 403 });
  }
  const query = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  const results = await searchDirectory(getDb(), { query, excludeUserId: actor.userId });
  return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
}
