import { EVIDENCE_KINDS, formatBytes, isEvidenceMediaType } from "@/lib/domain/evidence";
import type { EvidenceFile } from "@/lib/queries/evidence";

/**
 * The files filed with a case, each a download with its SHA-256, so a copy kept or sent
 * elsewhere can be checked against what was filed. Everyone who may see the case sees the
 * same list.
 */
export function EvidenceList({ files }: { files: EvidenceFile[] }) {
  if (files.length === 0) return <p className="text-slate-700">None attached.</p>;
  return (
    <ul className="space-y-2" data-testid="evidence">
      {files.map((file) => (
        <li key={file.id}>
          <a href={`/evidence/${file.id}`} download className="text-brand-700 underline">
            {file.fileName}
          </a>{" "}
          <span className="text-sm text-slate-700">
            ({isEvidenceMediaType(file.mediaType) ? EVIDENCE_KINDS[file.mediaType].label : "file"},{" "}
            {formatBytes(file.byteSize)})
          </span>
          <span className="block text-xs text-slate-600">
            SHA-256: <code className="break-all">{file.sha256}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
