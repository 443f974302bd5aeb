import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { answer, errorResponse } from "@/lib/http/refusal-response";
import { isCrossOrigin } from "@/lib/http/same-origin";
import { concernIdSchema } from "@/lib/services/concerns/concern-schemas";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";

const NOT_FOUND = "We could not find that case.";

/**
 * Downloads a case file. A route handler sits outside every layout, so it checks the
 * actor here, and the service checks the record; anything it may not see is a 404.
 * Same-origin only: a cross-site link or redirect gets a 403 and nothing is recorded.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ id: string; format: string }> },
) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL("/sign-in", request.url));
  if (!can(actor, "compliance:work")) return answer(403, "You do not have access to case files.");
  // An export is recorded in the access log and starts a download: only from this site's
  // own case file, never from a link elsewhere.
  if (isCrossOrigin(request)) {
    return answer(403, "Download the export from the case file on this site.");
  }
  const { id, format } = await params;
  const concernId = concernIdSchema.safeParse(id);
  if (!concernId.success || (format !== "pdf" && format !== "csv")) return answer(404, NOT_FOUND);
  try {
    const file = await exportCaseFile(
      getDb(),
      actor,
      concernId.data,
      { format, includeNotes: request.nextUrl.searchParams.get("notes") === "include" },
      { timeZone: actor.timeZone },
    );
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
