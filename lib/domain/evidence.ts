// Evidence a reporter attaches when filing: which files are accepted and why one is refused.
// Pure: the caller sniffs the type from the bytes (file-type) and hands the result in.

export const EVIDENCE_KINDS = {
  "image/png": { extensions: ["png"], label: "PNG image", image: true },
  "image/jpeg": { extensions: ["jpg", "jpeg"], label: "JPEG image", image: true },
  "image/webp": { extensions: ["webp"], label: "WebP image", image: true },
  "application/pdf": { extensions: ["pdf"], label: "PDF document", image: false },
} as const;
export type EvidenceMediaType = keyof typeof EVIDENCE_KINDS;

export const MB = 1024 * 1024;

/**
 * The most the Settings may allow. The launcher sizes the filing's request body from these
 * (scripts/launcher/body-limits.ts), so an administrator can tighten them, never widen them.
 */
export const EVIDENCE_CEILING = { files: 3, bytesPerFile: 5 * MB } as const;
export const DEFAULT_EVIDENCE_LIMITS = { ...EVIDENCE_CEILING };
export interface EvidenceLimits {
  files: number;
  bytesPerFile: number;
}

/** What the accept attribute of the file input offers. */
export const EVIDENCE_ACCEPT = Object.entries(EVIDENCE_KINDS)
  .flatMap(([type, kind]) => [type, ...kind.extensions.map((extension) => `.${extension}`)])
  .join(",");

export function isEvidenceMediaType(type: string | undefined): type is EvidenceMediaType {
  return type !== undefined && Object.hasOwn(EVIDENCE_KINDS, type);
}

export interface UploadedFileFacts {
  /** The name the browser sent: only its extension is read, and only to compare. */
  name: string;
  size: number;
  /** What the bytes are, by their signature; undefined when nothing is recognised. */
  sniffedType: string | undefined;
  bytes: Uint8Array;
}

export type EvidenceDecision =
  | { accepted: true; mediaType: EvidenceMediaType }
  | { accepted: false; reason: string };

/**
 * Accepts a file only when its bytes are one of the four kinds, its name says the same
 * kind, it is within the size limit, and nothing of another format is hidden in it (a
 * polyglot: an image that is also a web page or an archive, a PDF that runs script).
 */
export function judgeEvidenceFile(
  file: UploadedFileFacts,
  limits: EvidenceLimits,
): EvidenceDecision {
  const name = displayName(file.name);
  if (file.size > limits.bytesPerFile) {
    return refuse(`${name} is larger than ${formatBytes(limits.bytesPerFile)}.`);
  }
  if (!isEvidenceMediaType(file.sniffedType)) {
    return refuse(`${name} is not a PNG, JPEG or WebP image or a PDF.`);
  }
  const kind = EVIDENCE_KINDS[file.sniffedType];
  const extension = file.name.includes(".") ? file.name.split(".").pop()!.toLowerCase() : "";
  if (!(kind.extensions as readonly string[]).includes(extension)) {
    return refuse(
      `${name} is a ${kind.label}, but its name ends in ${extension ? `.${extension}` : "no extension"}. Rename it to .${kind.extensions[0]} and attach it again.`,
    );
  }
  const foreign = foreignContent(file.bytes, file.sniffedType);
  if (foreign) return refuse(`${name} also contains ${foreign}, so it was not accepted.`);
  return { accepted: true, mediaType: file.sniffedType };
}

function refuse(reason: string): EvidenceDecision {
  return { accepted: false, reason };
}

// Markup a browser or viewer could be talked into running. Compressed image data almost
// never contains seven such bytes in a row; a file made to be two things at once does.
const MARKUP = [/<script/i, /<html/i, /<!doctype/i, /<\?php/i, /<svg/i, /<iframe/i, /javascript:/i];
const PDF_ACTIVE = [/\/JavaScript/, /\/JS\s*[(<]/, /\/Launch/, /\/EmbeddedFile/, /\/RichMedia/];
const PDF_MARK = /%PDF-/;

/** What of another kind the file holds beside its own: a description, or null. */
export function foreignContent(bytes: Uint8Array, type: EvidenceMediaType): string | null {
  // latin1 keeps one character per byte, so positions are byte offsets.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  if (MARKUP.some((pattern) => pattern.test(text))) return "web page code";
  if (type === "application/pdf") {
    if (PDF_ACTIVE.some((pattern) => pattern.test(text))) return "scripts or embedded files";
    const end = text.lastIndexOf("%%EOF");
    if (end < 0 || text.slice(end + 5).trim() !== "") return "data after the end of the PDF";
    return null;
  }
  if (PDF_MARK.test(text)) return "a PDF";
  const imageEnd = endOfImage(bytes, type);
  if (imageEnd === null) return "a damaged image";
  if (imageEnd < bytes.byteLength) return "data after the end of the image";
  return null;
}

/** Where the image's own data ends, by its format's structure; null if it never does. */
function endOfImage(bytes: Uint8Array, type: EvidenceMediaType): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "image/png") {
    let at = 8;
    while (at + 12 <= bytes.byteLength) {
      const length = view.getUint32(at);
      const chunk = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      at += 12 + length;
      if (chunk === "IEND") return at;
    }
    return null;
  }
  if (type === "image/webp") {
    if (bytes.byteLength < 12) return null;
    const size = view.getUint32(4, true) + 8;
    return size <= bytes.byteLength ? size + (size % 2) : null;
  }
  // JPEG: the last end-of-image marker; cameras put a thumbnail's own one earlier.
  for (let at = bytes.byteLength - 2; at >= 2; at--) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return at + 2;
  }
  return null;
}

/** The file's name as the reporter sees it in a message, without anything odd in it. */
function displayName(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N} ._()-]/gu, "").slice(0, 60);
  return clean ? `“${clean}”` : "The file";
}

export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The name a file is stored and downloaded under: neutral, so a confidential reporter's
 * name or a device's in the original file name never reaches the colleague.
 */
export function neutralFileName(
  reference: string,
  position: number,
  type: EvidenceMediaType,
): string {
  return `${reference}-evidence-${position}.${EVIDENCE_KINDS[type].extensions[0]}`;
}

/** What the filing's audit event records of each file: enough to check a copy later. */
export interface EvidenceRecord {
  evidenceId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
}
