/**
 * CSV as Excel and every other reader expect it (RFC 4180): comma-separated, CRLF line
 * ends, fields with a comma, quote or line break in double quotes with quotes doubled.
 * UTF-8 with a byte-order mark, or Excel on a Taiwanese Windows reads the Chinese as Big5.
 */

const BOM = '\uFEFF';

/**
 * A cell that starts with = + - @ (or a tab / carriage return) is run as a formula by
 * spreadsheet programs: a caller's note "=HYPERLINK(…)" must stay text (OWASP "CSV
 * injection"), so such cells get a leading apostrophe, which Excel shows as plain text.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvField(cell: string): string {
  const guarded = guardFormula(cell);
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(BOM + toCsv(rows));
}
