import { z } from "zod";
import type { Database } from "@/db/client";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { exportManifest, manifestFileName, sha256Of } from "@/lib/exports/export-manifest";
import { findConcernFor } from "@/lib/queries/concerns";
import { findExportsBySha256 } from "@/lib/queries/recorded-exports";
import { concernIdSchema } from "./concern-schemas";

/**
 * The manifest of one recorded export of a case, named by its file's SHA-256: rebuilt from
 * the audit event, so its bytes match the manifest SHA-256 that event recorded.
 */
export async function readExportManifest(
  db: Database,
  actor: Actor,
  concernId: string,
  fileSha256: string,
): Promise<{ filename: string; body: string }> {
  assertCan(actor, "compliance:work");
  const concern = await findConcernFor(db, actor, "officer", concernIdSchema.parse(concernId));
  const [found] = concern ? await findExportsBySha256(db, fileSha256, concern.id) : [];
  // One answer for a case they may not see and an export never made: a file not found.
  if (!found || found.record.sha256 !== fileSha256.trim().toLowerCase()) {
    throw new Refusal("not_found", "We could not find that file.");
  }
  return { filename: manifestFileName(found.record.fileName), body: exportManifest(found.record) };
}

/** What the audit trail says of a received file: each recorded export it matches. */
export interface ReceivedFileCheck {
  sha256: string;
  matches: {
    /** False for a case this officer may not see: it matches, but which case is not theirs to know. */
    visible: boolean;
    reference: string;
    fileName: string;
    kind: "file" | "manifest";
    at: Date;
    byName: string | null;
  }[];
}

export const checkReceivedExportSchema = z.object({
  file: z
    .array(z.file())
    .min(1, "Choose the file you received.")
    .max(1, "Choose one file at a time.")
    .describe("The file you received (PDF, CSV or manifest)"),
});

/** Checks a received export (or its manifest) byte for byte against the recorded exports. */
export async function checkReceivedExport(
  db: Database,
  actor: Actor,
  bytes: Buffer,
): Promise<ReceivedFileCheck> {
  assertCan(actor, "compliance:work");
  const sha256 = sha256Of(bytes);
  const matches: ReceivedFileCheck["matches"] = [];
  for (const found of await findExportsBySha256(db, sha256)) {
    const visible = Boolean(await findConcernFor(db, actor, "officer", found.concernId));
    matches.push({
      visible,
      reference: visible ? found.record.reference : "",
      fileName: visible ? found.record.fileName : "",
      kind: found.record.sha256 === sha256 ? "file" : "manifest",
      at: found.at,
      byName: visible ? found.byName : null,
    });
  }
  return { sha256, matches };
}
