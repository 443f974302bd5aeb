import { type NextRequest, NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/lib/authz/current-actor";
import { answer, errorResponse } from "@/lib/http/refusal-response";
import { DOWNLOAD_CSP } from "@/lib/http/security-headers";
import { downloadEvidence } from "@/lib/services/concerns/download-evidence";
import { recordId } from "@/lib/services/field-schemas";

const evidenceId = recordId("We could not find that file.");

/**
 * Serves an evidence file to someone who may see its case, as a download only: the browser
 * is told not to guess its type, not to show it in the app's own origin with any power
 * (sandboxed, no scripts, nothing loaded), and not to keep it.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getCurrentActor();
  if (!actor) return NextResponse.redirect(new URL("/sign-in", request.url));
  const id = evidenceId.safeParse((await params).id);
  if (!id.success) return answer(404, "We could not find that file.");
  try {
    const file = await downloadEvidence(getDb(), actor, id.data);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mediaType,
        // The stored name is neutral and plain ASCII; quoted for the header all the same.
        "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
        "Content-Length": String(file.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": DOWNLOAD_CSP,
        "Cache-Control": "private, no-store, max-age=0",
        "Cross-Origin-Resource-Policy": "same-origin",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
