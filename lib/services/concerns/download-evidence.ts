import type { Database } from "@/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { relationToConcern } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/errors/refusal";
import { evidenceStorage } from "@/lib/evidence/storage";
import { listFurtherReporterIds } from "@/lib/queries/case-reporters";
import { findEvidenceFor } from "@/lib/queries/evidence";

const NOT_FOUND = "We could not find that file.";

/**
 * An evidence file for someone who may see its case, checked each time, and the download
 * recorded on the case as officers' openings of a case file are. Anyone else is told it
 * does not exist, whether it does or not.
 */
export async function downloadEvidence(db: Database, actor: Actor, evidenceId: string) {
  return db.transaction(async (tx) => {
    const file = await findEvidenceFor(tx, actor, evidenceId);
    // The scope that found the file already leaves out a case this officer recused from.
    const as = file
      ? relationToConcern(
          actor,
          { ...file, furtherReporterIds: await listFurtherReporterIds(tx, file.concernId) },
          false,
        )
      : null;
    if (!file || !as) throw new Refusal("not_found", NOT_FOUND);
    const bytes = await evidenceStorage.get(tx, file.storageKey);
    if (!bytes) throw new Refusal("not_found", NOT_FOUND);
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "evidence_downloaded",
      entityType: "concern",
      entityId: file.concernId,
      details: { evidenceId: file.id, sha256: file.sha256, as },
    });
    return { bytes, fileName: file.fileName, mediaType: file.mediaType };
  });
}
