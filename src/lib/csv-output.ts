/**
 * CSV as downloaded by readers: UTF-8 with BOM and CRLF so Excel and WPS open
 * it with the Chinese intact, and no cell that a spreadsheet would run as a
 * formula. The JSON downloads keep the exact values.
 */
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell that starts like a formula gets a leading apostrophe, which spreadsheets show as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse(
    rows.map((row) => row.map(neutraliseFormula)),
    { newline: '\r\n' },
  )}\r\n`;
}
