/**
 * The reports as CSV (SPEC PEN-05, PEN-06: "exportable"): RFC 4180, one header row, commas, CRLF,
 * fields quoted where needed. A field that a spreadsheet would run as a formula is prefixed with an
 * apostrophe (OWASP "CSV injection"): the ids and codes here never start so, but a reference may.
 */
export type CsvValue = string | number | boolean | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
