import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { answer, errorResponse } from "@/lib/http/refusal-response";
import { SEARCH_MAX, searchTextSchema } from "@/lib/queries/search-text";
import { searchDirectory } from "@/lib/queries/users";

export const dynamic = "force-dynamic";

/** Colleague picker: active physicians by name or email, never the person asking. */
export async function GET(request: NextRequest) {
  const actor = await getCurrentActor();
  if (!actor) return answer(401, "Sign in first.", "json");
  if (!can(actor, "directory:search")) {
    return answer(403, "You do not have access to the directory.", "json");
  }
  // The picker sends what is typed; a longer search is cut rather than refused.
  const query = searchTextSchema.safeParse(
    (request.nextUrl.searchParams.get("q") ?? "").slice(0, SEARCH_MAX),
  );
  if (!query.success) return errorResponse(query.error, "json");
  const results = await searchDirectory(getDb(), {
    query: query.data,
    excludeUserId: actor.userId,
  });
  return Response.json({ results }, { headers: { "Cache-Control": "no-store" } });
}
