// CSV as spreadsheets open it: RFC 4180 quoting, UTF-8 that Excel recognises, and no cell a spreadsheet would run.

/**
 * One cell. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read by a
 * spreadsheet as a formula (OWASP, CSV injection): it is kept as text by a leading apostrophe, and quoted.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header row and the rows, CRLF line ends, and the byte-order mark that makes Excel read UTF-8 (without it, "é" opens as "Ã©"). */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
