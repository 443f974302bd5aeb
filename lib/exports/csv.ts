/**
 * CSV for people who will open it in a spreadsheet. A cell that starts with = + - @, a
 * tab or a carriage return would be read as a formula (CSV injection), so it is prefixed
 * with an apostrophe, which spreadsheets show as text; then every cell is quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteCell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Rows of cells to CSV text (RFC 4180, CRLF line ends, with a BOM so Excel reads UTF-8). */
export function toCsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  const lines = rows.map((row) =>
    row.map((cell) => quoteCell(neutraliseCell(cell ?? ""))).join(","),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
