import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

/**
 * A table of records, with a caption and column headers. On a narrow screen (below
 * 640 px) each row becomes a card whose cells are labelled with their column, so nothing
 * scrolls sideways; from 640 px it is an ordinary table. The rows' and cells' styles are
 * classes of their own (app/globals.css): written out on every cell they were most of a
 * 50-row queue page's HTML, twice over with the page's payload.
 */
export function Table<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  rowHeaders = false,
}: {
  caption: string;
  captionVisible?: boolean;
  /** The first column names each row (a label beside numbers), as a row header. */
  rowHeaders?: boolean;
  columns: ReadonlyArray<Column<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string | number;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white sm:overflow-x-auto">
      <table className="w-full text-left text-sm max-sm:block">
        <caption
          className={captionVisible ? "px-3 py-2 text-left font-semibold max-sm:block" : "sr-only"}
        >
          {caption}
        </caption>
        <thead className="bg-slate-100 max-sm:sr-only">
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={`px-3 py-2 ${column.numeric ? "text-right" : ""}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {rows.map((row) => (
            <tr key={rowKey(row)} className="record-row">
              {columns.map((column, index) => {
                const Cell = rowHeaders && index === 0 ? "th" : "td";
                return (
                  <Cell
                    key={column.header}
                    scope={Cell === "th" ? "row" : undefined}
                    data-label={column.header}
                    className={
                      column.numeric ? "record-cell sm:text-right tabular-nums" : "record-cell"
                    }
                  >
                    <div>{column.cell(row)}</div>
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
