import { DateTime } from "@/components/ui/date-time";
import type { TimelineEntry } from "@/lib/audit/timeline";

const EXPORTS = [
  { path: "pdf", label: "Download PDF" },
  { path: "csv", label: "Download CSV" },
  { path: "pdf?notes=include", label: "PDF with internal notes" },
  { path: "csv?notes=include", label: "CSV with internal notes" },
] as const;

/** The recorded exports that carry hashes (earlier ones were recorded without). */
function recordedWithHashes(timeline: readonly TimelineEntry[]) {
  return timeline.flatMap((entry) => {
    const { fileName, sha256 } = entry.details;
    if (entry.action !== "case_exported" || typeof fileName !== "string") return [];
    if (typeof sha256 !== "string") return [];
    return [{ id: entry.id, at: entry.at, who: entry.who, fileName, sha256 }];
  });
}

export function ExportSection({
  concernId,
  timeline,
  timeZone,
}: {
  concernId: string;
  /** The officer's timeline of the case: its recorded exports are listed with their manifests. */
  timeline: readonly TimelineEntry[];
  timeZone: string;
}) {
  const recorded = recordedWithHashes(timeline).reverse();
  return (
    <section aria-labelledby="export" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="export" className="text-lg font-semibold">
        Export for an external authority
      </h2>
      <p className="text-sm text-slate-600">
        Each export is recorded in the case&apos;s access log with its SHA-256; you can{" "}
        <a href="/compliance/verify-export" className="text-brand-700 underline">
          check a received file
        </a>{" "}
        against it. Internal notes are left out unless you choose to include them. Send the manifest
        with the file: it lists the SHA-256 of the file and of each evidence file.
      </p>
      <ul className="mt-2 flex flex-wrap gap-4 text-sm">
        {EXPORTS.map((item) => (
          <li key={item.path}>
            <a
              href={`/compliance/cases/${concernId}/export/${item.path}`}
              className="text-brand-700 underline"
              download
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      {recorded.length > 0 && (
        <>
          <h3 className="mt-4 font-semibold">Recorded exports</h3>
          <p className="text-sm text-slate-600">Reload this page to see an export you just made.</p>
          <ul className="mt-1 space-y-2 text-sm">
            {recorded.map((item) => (
              <li key={item.id} className="break-words">
                <span className="font-medium">{item.fileName}</span>,{" "}
                <DateTime date={item.at} timeZone={timeZone} />, {item.who}.{" "}
                <span className="font-mono text-xs">SHA-256 {item.sha256}</span>{" "}
                <a
                  href={`/compliance/cases/${concernId}/export/manifest/${item.sha256}`}
                  className="text-brand-700 underline"
                  download
                >
                  Download manifest
                  <span className="sr-only"> of {item.fileName}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
