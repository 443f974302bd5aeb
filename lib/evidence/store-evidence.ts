import type { Db } from "@/db/client";
import { evidenceFiles } from "@/db/schema";
import { type EvidenceRecord, neutralFileName } from "@/lib/domain/evidence";
import type { PreparedEvidence } from "./prepare-evidence";
import { evidenceStorage } from "./storage";

/** Stores a filing's evidence in the caller's transaction, under neutral names. */
export async function storeEvidence(
  tx: Db,
  concern: { id: string; reference: string },
  files: readonly PreparedEvidence[],
  // A colleague joining a case adds their files after those already on it.
  alreadyStored = 0,
): Promise<EvidenceRecord[]> {
  const records: EvidenceRecord[] = [];
  for (const [index, file] of files.entries()) {
    const position = alreadyStored + index + 1;
    const storageKey = await evidenceStorage.put(tx, file.bytes);
    const fileName = neutralFileName(concern.reference, position, file.mediaType);
    const [row] = await tx
      .insert(evidenceFiles)
      .values({
        concernId: concern.id,
        position,
        fileName,
        mediaType: file.mediaType,
        byteSize: file.bytes.byteLength,
        sha256: file.sha256,
        storageKey,
      })
      .returning({ id: evidenceFiles.id });
    records.push({
      evidenceId: row!.id,
      fileName,
      mediaType: file.mediaType,
      byteSize: file.bytes.byteLength,
      sha256: file.sha256,
    });
  }
  return records;
}
