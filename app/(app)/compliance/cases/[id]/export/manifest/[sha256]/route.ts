import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { can } from "@/lib/authz/permissions";
import { answer, errorResponse } from "@/lib/http/refusal-response";
import { concernIdSchema } from "@/lib/services/concerns/concern-schemas";
import { readExportManifest } from "@/lib/services/concerns/recorded-exports";

/**
 * The manifest of a recorded export (named by the file's SHA-256): the file's hash and each
 * evidence file's, for whoever receives the export. The service checks the record.
 */
export async function GET(
  request: NextRequest,
  { params }: { params: Promise<{ id: string; sha256: string }> },
) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL("/sign-in", request.url));
  if (!can(actor, "compliance:work")) return answer(403, "You do not have access to case files.");
  const { id, sha256 } = await params;
  const concernId = concernIdSchema.safeParse(id);
  if (!concernId.success) return answer(404, "We could not find that file.");
  try {
    const manifest = await readExportManifest(getDb(), actor, concernId.data, sha256);
    return new Response(manifest.body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${manifest.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
