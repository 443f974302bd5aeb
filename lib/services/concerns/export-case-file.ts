import { z } from "zod";
import type { Database } from "@/db/client";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { calendarDateIn } from "@/lib/domain/date-words";
import { Refusal } from "@/lib/errors/refusal";
import { buildCaseFileExport, caseFileToCsv } from "@/lib/exports/case-file";
import { caseFileToPdf } from "@/lib/exports/case-file-pdf";
import {
  type ExportRecord,
  exportFileName,
  exportManifest,
  sha256Of,
} from "@/lib/exports/export-manifest";
import { listCaseNotes, listInformationRequests } from "@/lib/queries/case-file";
import { listCaseReporters } from "@/lib/queries/case-reporters";
import { listThread } from "@/lib/queries/case-thread";
import { findConcernFor, listTimeline } from "@/lib/queries/concerns";
import { listEvidence } from "@/lib/queries/evidence";
import { loadWorkflowSettings } from "@/lib/queries/workflow-settings";
import { CASE_NOT_FOUND } from "./case-refusals";
import { concernIdSchema } from "./concern-schemas";

const ACCESS_ACTIONS = new Set(["case_viewed", "case_exported", "evidence_downloaded"]);

export const exportCaseFileSchema = z.object({
  format: z.enum(["pdf", "csv"], "Choose PDF or CSV."),
  // Internal notes are officers' working thoughts: left out unless asked for explicitly.
  includeNotes: z.boolean().default(false),
});

/**
 * A case file for an external authority, as PDF or CSV. The export is part of the case's
 * access log: the audit event is written in the same transaction that read the file, and
 * the file is rendered before it commits, so a recorded export is one that was produced.
 * The event records the file's SHA-256 and its manifest's (evidence files' hashes included),
 * so a file received later can be checked against the trail.
 */
export async function exportCaseFile(
  db: Database,
  actor: Actor,
  concernId: string,
  input: z.input<typeof exportCaseFileSchema>,
  /** Dates are written in this zone (the exporting officer's); the organisation's if none. */
  { timeZone, now = new Date() }: { timeZone?: string; now?: Date } = {},
): Promise<{ filename: string; contentType: string; body: Buffer; record: ExportRecord }> {
  assertCan(actor, "compliance:work");
  const id = concernIdSchema.parse(concernId);
  const { format, includeNotes } = exportCaseFileSchema.parse(input);
  return db.transaction(async (tx) => {
    const concern = await findConcernFor(tx, actor, "officer", id);
    if (!concern) throw new Refusal("not_found", CASE_NOT_FOUND);
    // One after another: a transaction is one connection, which runs one query at a time
    // (pg warns on overlapping queries and will refuse them).
    const timeline = await listTimeline(tx, concern, "officer", actor.userId);
    const conversation = await listThread(tx, concern, "officer", actor.userId, timeline, "whole");
    const questions = await listInformationRequests(tx, concern.id);
    const evidence = await listEvidence(tx, concern.id);
    const reporters = await listCaseReporters(tx, concern, "officer", actor.userId);
    const notes = includeNotes ? await listCaseNotes(tx, concern.id) : null;
    const zone = timeZone ?? (await loadWorkflowSettings(tx)).timeZone;
    const file = buildCaseFileExport({
      concern,
      furtherReporters: reporters.filter((reporter) => !reporter.isFirst),
      evidence,
      // Earlier openings, exports and downloads are the access log, not the case's history.
      timeline: timeline.filter((e) => !ACCESS_ACTIONS.has(e.action)),
      conversation: conversation.items,
      questions,
      notes,
      exportedBy: actor.name,
      exportedAt: now,
      timeZone: zone,
    });
    const body =
      format === "pdf" ? await caseFileToPdf(file) : Buffer.from(caseFileToCsv(file), "utf8");
    const record: ExportRecord = {
      reference: concern.reference,
      format,
      includesNotes: includeNotes,
      exportedAt: now.toISOString(),
      exportedBy: file.exportedBy,
      fileName: exportFileName({
        reference: concern.reference,
        format,
        includesNotes: includeNotes,
        day: calendarDateIn(now, zone),
      }),
      sha256: sha256Of(body),
      evidence: evidence.map((item) => ({ fileName: item.fileName, sha256: item.sha256 })),
    };
    await writeAuditEvent(tx, {
      actorId: actor.userId,
      action: "case_exported",
      entityType: "concern",
      entityId: concern.id,
      details: {
        ...record,
        seen: ["case_file", "reporter_identity"],
        manifestSha256: sha256Of(exportManifest(record)),
      },
    });
    return {
      filename: record.fileName,
      contentType: format === "pdf" ? "application/pdf" : "text/csv; charset=utf-8",
      body,
      record,
    };
  });
}
