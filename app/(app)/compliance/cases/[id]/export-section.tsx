const EXPORTS = [
  { path: "pdf", label: "Download PDF" },
  { path: "csv", label: "Download CSV" },
  { path: "pdf?notes=include", label: "PDF with internal notes" },
  { path: "csv?notes=include", label: "CSV with internal notes" },
] as const;

export function ExportSection({ concernId }: { concernId: string }) {
  return (
    <section aria-labelledby="export" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="export" className="text-lg font-semibold">
        Export for an external authority
      </h2>
      <p className="text-sm text-slate-600">
        Each export is recorded in the case&apos;s access log. Internal notes are left out unless
        you choose to include them.
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
    </section>
  );
}
