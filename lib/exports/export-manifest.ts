import { createHash } from "node:crypto";

/** What the audit trail records of one export: enough to rebuild its manifest byte for byte. */
export interface ExportRecord {
  reference: string;
  format: "pdf" | "csv";
  includesNotes: boolean;
  /** ISO 8601, the instant written in the file. */
  exportedAt: string;
  /** The exporting officer by name and role, as the file names them. */
  exportedBy: string;
  fileName: string;
  sha256: string;
  evidence: { fileName: string; sha256: string }[];
}

export function sha256Of(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * "PC-000123-case-file-without-notes-2026-11-27.pdf": the two kinds of export never share
 * a name, and the day (in the officer's zone) tells two exports of one case apart.
 */
export function exportFileName(input: {
  reference: string;
  format: "pdf" | "csv";
  includesNotes: boolean;
  day: string;
}): string {
  const notes = input.includesNotes ? "with-notes" : "without-notes";
  return `${input.reference}-case-file-${notes}-${input.day}.${input.format}`;
}

export function manifestFileName(fileName: string): string {
  return `${fileName}.manifest.json`;
}

/**
 * The manifest that travels with an export: the file's SHA-256 and each evidence file's,
 * and how to check them. Built only from the audit record, so the same bytes (and so the
 * same recorded SHA-256) come out whenever it is downloaded.
 */
export function exportManifest(record: ExportRecord): string {
  const manifest = {
    manifest: "Peer Concerns case file export",
    case: record.reference,
    exportedAt: record.exportedAt,
    exportedBy: record.exportedBy,
    includesInternalNotes: record.includesNotes,
    file: { name: record.fileName, format: record.format, sha256: record.sha256 },
    evidence: record.evidence.map((file) => ({ name: file.fileName, sha256: file.sha256 })),
    howToCheck:
      "Compute the SHA-256 of the file you received (sha256sum, shasum -a 256 or certutil -hashfile … SHA256) and compare it with file.sha256; each evidence file likewise. The organisation's compliance officers can also check a received file against the audit trail.",
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
