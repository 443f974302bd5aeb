import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { exportCaseFile } from "@/lib/services/concerns/export-case-file";

/**
 * Downloads a case file. A route handler sits outside every layout, so it checks the
 * actor here, and the service checks the record; anything it may not see is a 404.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ id: string; format: string }> },
) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL("/sign-in", request.url));
  if (!can(actor, "compliance:work")) return plain(403, "You do not have access to case files.");
  const { id, format } = await params;
  if (format !== "pdf" && format !== "csv") return plain(404, "Not found.");
  const notes = request.nextUrl.searchParams.get("notes");
  try {
    const file = await exportCaseFile(getDb(), actor, id, {
      format,
      includeNotes: notes === "include",
    });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof Refusal || (error as { name?: string }).name === "ZodError") {
      return plain(404, "We could not find that case.");
    }
    console.error(`[export] unexpected ${error instanceof Error ? error.name : typeof error}`);
    return plain(500, "Something went wrong on our side. Please try again.");
  }
}

function plain(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
