import { Table } from "@/components/ui/table";
import type { InsightTable } from "@/lib/domain/insight-tables";

/**
 * A horizontal bar chart drawn as SVG on the server, with the table of its numbers beside
 * it: the chart is for the eye (hidden from screen readers), the table for everyone.
 */
export interface ChartRow {
  label: string;
  values: number[];
}

const BAR_HEIGHT = 18;
const GAP = 8;
const LABEL_WIDTH = 170;
const CHART_WIDTH = 460;
const COLOURS = ["#1d4ed8", "#b91c1c", "#b45309", "#047857"];

export function BarChart({ table, csvHref }: { table: InsightTable; csvHref: string }) {
  const { id, title, labelHeader, rows, series } = table;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const groupHeight = series.length * BAR_HEIGHT + GAP;
  const height = Math.max(groupHeight, rows.length * groupHeight);
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 40;
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <figcaption id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </figcaption>
      {series.length > 1 && table.chart && rows.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
          {series.map((name, i) => (
            <span key={name} className="inline-flex items-center gap-1">
              <span className="inline-block size-3" style={{ background: COLOURS[i] }} />
              {name}
            </span>
          ))}
        </p>
      ) : null}
      <div className="mt-3 grid gap-4 lg:grid-cols-2">
        {rows.length === 0 ? (
          // A note says what was left out; "none" would then not be true.
          table.note ? null : (
            <p className="text-sm">None in this period.</p>
          )
        ) : !table.chart ? null : (
          <svg
            aria-hidden="true"
            viewBox={`0 0 ${CHART_WIDTH} ${height}`}
            className="w-full max-w-xl"
            role="presentation"
          >
            {rows.map((row, r) => (
              <g key={row.label} transform={`translate(0 ${r * groupHeight})`}>
                <text
                  x={LABEL_WIDTH - 6}
                  y={(series.length * BAR_HEIGHT) / 2 + 4}
                  textAnchor="end"
                  fontSize="12"
                  fill="#0f172a"
                >
                  {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
                </text>
                {row.values.map((value, s) => (
                  <g key={series[s]}>
                    <rect
                      x={LABEL_WIDTH}
                      y={s * BAR_HEIGHT + 2}
                      width={(value / max) * barSpace}
                      height={BAR_HEIGHT - 4}
                      fill={COLOURS[s % COLOURS.length]}
                    />
                    <text
                      x={LABEL_WIDTH + (value / max) * barSpace + 4}
                      y={s * BAR_HEIGHT + BAR_HEIGHT - 5}
                      fontSize="11"
                      fill="#0f172a"
                    >
                      {value}
                    </text>
                  </g>
                ))}
              </g>
            ))}
          </svg>
        )}
        <div className="mt-2">
          <Table
            caption={`${title}: the numbers`}
            rows={rows}
            rowKey={(row) => row.label}
            rowHeaders
            columns={[
              { header: labelHeader, cell: (row) => row.label },
              ...series.map((name, s) => ({
                header: name,
                numeric: true,
                cell: (row: ChartRow) => row.values[s],
              })),
            ]}
          />
          {table.note ? <p className="mt-2 text-sm text-slate-700">{table.note}</p> : null}
          <a href={csvHref} className="mt-2 inline-block text-sm text-brand-700 underline" download>
            Download this table as CSV
          </a>
        </div>
      </div>
    </figure>
  );
}
