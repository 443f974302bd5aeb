import { count, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { concernReporters, concerns, evidenceFiles } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import type { Actor } from "@/lib/authz/permissions";
import { concernReference } from "@/lib/domain/concern-fields";
import type { PatientDetailsConfirmation } from "@/lib/domain/patient-details";
import { caseSeverity } from "@/lib/domain/reporter-verdicts";
import type { PreparedEvidence } from "@/lib/evidence/prepare-evidence";
import { storeEvidence } from "@/lib/evidence/store-evidence";
import { notifyCase } from "@/lib/notifications/notify-case";
import type { ConcernData } from "./concern-schemas";
import type { ConcernRow } from "./lock-concern";

/**
 * A colleague raises a post that already has an open case about the same colleague: they
 * join that case as a further reporter instead of opening another, so the colleague answers
 * once. In the filing's transaction, with the case locked: their own report, their evidence
 * after the case's, the case's severity raised to the highest given, the audit event on the
 * case's chain, and the colleague's notification (which names nobody; the notice names the
 * new reporter only if they chose to be named); once the case is with compliance, its officer
 * too. The other reporters are told nothing.
 */
export async function joinCase(
  tx: Transaction,
  openCase: ConcernRow,
  actor: Actor,
  data: ConcernData,
  evidence: readonly PreparedEvidence[],
  patientDetailsConfirmed: PatientDetailsConfirmation | undefined,
  now: Date,
): Promise<{ concernId: string; joined: true }> {
  await tx.insert(concernReporters).values({
    concernId: openCase.id,
    reporterId: actor.userId,
    postUrl: data.postUrl,
    platform: data.platform,
    seenOn: data.seenOn,
    description: data.description,
    categories: data.categories,
    otherConsideration: data.categories.includes("other") ? data.otherConsideration || null : null,
    severity: data.severity,
    disclosure: data.disclosure,
    joinedAt: now,
  });
  const severity = caseSeverity([openCase.severity, data.severity]);
  if (severity !== openCase.severity) {
    await tx.update(concerns).set({ severity, updatedAt: now }).where(eq(concerns.id, openCase.id));
  }
  const [{ stored }] = (await tx
    .select({ stored: count() })
    .from(evidenceFiles)
    .where(eq(evidenceFiles.concernId, openCase.id))) as [{ stored: number }];
  const records = await storeEvidence(
    tx,
    { id: openCase.id, reference: concernReference(openCase.number) },
    evidence,
    stored,
  );
  await writeAuditEvent(tx, {
    actorId: actor.userId,
    action: "reporter_joined",
    entityType: "concern",
    entityId: openCase.id,
    details: {
      severity: data.severity,
      caseSeverity: severity,
      categories: data.categories,
      disclosure: data.disclosure,
      platform: data.platform,
      ...(records.length > 0 && { evidence: records }),
      ...(patientDetailsConfirmed && { patientDetailsConfirmed }),
    },
  });
  // A case already with compliance gains a reporter its officer should read: the holder is
  // told, or the department's officers while nobody holds it.
  const withCompliance = openCase.escalatedAt !== null;
  await notifyCase(
    tx,
    openCase,
    withCompliance ? ["subject", openCase.assigneeId ? "assignee" : "officers"] : ["subject"],
    "reporter_joined",
    now,
  );
  return { concernId: openCase.id, joined: true };
}
