import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { PDFDocument, PDFName, PDFRef } from "pdf-lib";
import sharp from "sharp";
import {
  EVIDENCE_KINDS,
  type EvidenceLimits,
  type EvidenceMediaType,
  judgeEvidenceFile,
} from "@/lib/domain/evidence";
import { Refusal } from "@/lib/errors/refusal";

export interface PreparedEvidence {
  mediaType: EvidenceMediaType;
  bytes: Uint8Array;
  sha256: string;
}

/** Refusals name this field, so the form shows them next to the file input. */
export const EVIDENCE_FIELD = "evidence";

/**
 * Reads each uploaded file, decides by its bytes whether it is accepted, and cleans it:
 * an image is decoded and encoded again, which leaves its metadata (camera, place, time)
 * behind; a PDF is written again without its document information and XMP metadata, where
 * "Print to PDF" puts the author's own name (a confidential reporter's, say). The hash is of the bytes that are stored, so anyone can check a download.
 */
export async function prepareEvidence(
  files: readonly File[],
  limits: EvidenceLimits,
): Promise<PreparedEvidence[]> {
  if (files.length > limits.files) {
    throw new Refusal(
      "invalid_input",
      limits.files === 0
        ? "Attaching files is turned off here. Remove the files and describe the post instead."
        : `Attach at most ${limits.files} files.`,
      EVIDENCE_FIELD,
    );
  }
  const prepared: PreparedEvidence[] = [];
  for (const file of files) {
    // The size first, before a large file is read.
    const bytes =
      file.size > limits.bytesPerFile ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
    const sniffed = bytes.byteLength ? await fileTypeFromBuffer(bytes) : undefined;
    const decision = judgeEvidenceFile(
      { name: file.name, size: file.size, sniffedType: sniffed?.mime, bytes },
      limits,
    );
    if (!decision.accepted) throw new Refusal("invalid_input", decision.reason, EVIDENCE_FIELD);
    const stored = EVIDENCE_KINDS[decision.mediaType].image
      ? await withoutMetadata(bytes, decision.mediaType)
      : await pdfWithoutMetadata(bytes);
    prepared.push({
      mediaType: decision.mediaType,
      bytes: stored,
      sha256: createHash("sha256").update(stored).digest("hex"),
    });
  }
  return prepared;
}

/** Decodes and re-encodes in the same format; sharp keeps no metadata unless asked to. */
async function withoutMetadata(bytes: Uint8Array, type: EvidenceMediaType): Promise<Uint8Array> {
  try {
    // Turned upright by its orientation tag first, since the tag goes with the metadata.
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 40_000_000 }).autoOrient();
    const encoded =
      type === "image/png"
        ? image.png()
        : type === "image/webp"
          ? image.webp({ quality: 90 })
          : image.jpeg({ quality: 90 });
    return new Uint8Array(await encoded.toBuffer());
  } catch {
    throw new Refusal(
      "invalid_input",
      "One of the images could not be read. Save it again as PNG or JPEG and attach it again.",
      EVIDENCE_FIELD,
    );
  }
}

/**
 * The PDF written out again whole (so no earlier revision survives in it) without its
 * information dictionary (author, creator, title) and its XMP metadata stream. Metadata
 * inside embedded images stays: SECURITY.md says so.
 */
async function pdfWithoutMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new Refusal(
      "invalid_input",
      "One of the PDFs could not be read (it may be protected by a password). Save it again without protection, or attach a screenshot instead.",
      EVIDENCE_FIELD,
    );
  }
  const { context, catalog } = document;
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  const xmp = catalog.get(PDFName.of("Metadata"));
  if (xmp instanceof PDFRef) context.delete(xmp);
  catalog.delete(PDFName.of("Metadata"));
  return document.save({ updateFieldAppearances: false });
}
