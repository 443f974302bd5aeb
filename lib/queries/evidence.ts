import { and, asc, eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { concerns, evidenceFiles } from "@/db/schema";
import { type ConcernView, concernScope } from "@/lib/authz/concern-access";
import type { Actor } from "@/lib/authz/permissions";

const evidenceColumns = {
  id: evidenceFiles.id,
  fileName: evidenceFiles.fileName,
  mediaType: evidenceFiles.mediaType,
  byteSize: evidenceFiles.byteSize,
  sha256: evidenceFiles.sha256,
};

/** A case's evidence, in the order it was attached; the caller has found the case in scope. */
export async function listEvidence(db: Db, concernId: string) {
  return db
    .select(evidenceColumns)
    .from(evidenceFiles)
    .where(eq(evidenceFiles.concernId, concernId))
    .orderBy(asc(evidenceFiles.position));
}

export type EvidenceFile = Awaited<ReturnType<typeof listEvidence>>[number];

const VIEWS: readonly ConcernView[] = ["reporter", "subject", "officer"];

/**
 * One evidence file, if the case it belongs to is in one of this person's views of cases
 * (the same scopes every case page reads through); otherwise undefined, whatever the id.
 */
export async function findEvidenceFor(db: Db, actor: Actor, evidenceId: string) {
  const [row] = await db
    .select({
      ...evidenceColumns,
      concernId: evidenceFiles.concernId,
      storageKey: evidenceFiles.storageKey,
      reporterId: concerns.reporterId,
      subjectId: concerns.subjectId,
      escalatedAt: concerns.escalatedAt,
    })
    .from(evidenceFiles)
    .innerJoin(concerns, eq(concerns.id, evidenceFiles.concernId))
    .where(
      and(eq(evidenceFiles.id, evidenceId), or(...VIEWS.map((view) => concernScope(actor, view)))),
    );
  return row;
}
