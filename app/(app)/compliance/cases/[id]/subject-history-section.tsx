import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import { Table } from "@/components/ui/table";
import { OUTCOME_LABELS } from "@/lib/domain/concern-labels";
import { CONCERN_CATEGORY_OPTIONS } from "@/lib/domain/policy-text";
import { stateLabel } from "@/lib/domain/reader-words";
import type { listSubjectHistory } from "@/lib/queries/case-file";

type HistoryItem = Awaited<ReturnType<typeof listSubjectHistory>>[number];

/** The pattern an officer weighs: other concerns about the colleague, and how each ended. */
export function SubjectHistorySection({
  history,
  timeZone,
}: {
  history: HistoryItem[];
  timeZone: string;
}) {
  return (
    <section aria-labelledby="history-12">
      <h2 id="history-12" className="mb-3 text-lg font-semibold">
        Other concerns about this colleague in the last 12 months
      </h2>
      {history.length === 0 ? (
        <p className="text-sm">None.</p>
      ) : (
        <Table
          caption="Other concerns about this colleague"
          rows={history}
          rowKey={(item) => item.id}
          columns={[
            {
              header: "Case",
              // Only a case that reached compliance is an officer's to open.
              cell: (item) =>
                item.escalatedAt ? (
                  <Link href={`/compliance/cases/${item.id}`} className="text-brand-700 underline">
                    {item.reference}
                  </Link>
                ) : (
                  item.reference
                ),
            },
            {
              header: "Raised",
              cell: (item) => <DateTime date={item.createdAt} timeZone={timeZone} />,
            },
            {
              header: "Considerations",
              cell: (item) =>
                item.categories.map((c) => CONCERN_CATEGORY_OPTIONS[c].label).join(", "),
            },
            { header: "Status", cell: (item) => stateLabel(item.state, "officer") },
            {
              header: "Outcome",
              cell: (item) => (item.outcome ? OUTCOME_LABELS[item.outcome] : "—"),
            },
          ]}
        />
      )}
    </section>
  );
}
