/**
 * Rows appended to a dataset CSV with the rest of the file kept byte for
 * byte, so a change adds lines to the history instead of rewriting the table.
 * Used by the Word import (new progress and ranking rows) and by the desk's
 * drafts, which append their rows to the table as it is when they are published.
 */
import Papa from 'papaparse';

/** The records of a CSV text, BOM removed, blank lines skipped. */
export function csvRecords(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
}

/** A dataset's CSV with rows citing `drop.value` in `drop.column` removed and `rows` appended; the rest kept byte for byte. An empty CSV gets `headers` first. */
export function withRows(csv: string, headers: readonly string[], rows: readonly (readonly string[])[], drop?: { column: string; value: string }): string {
  // A table saved by Excel/WPS ends its lines with CRLF: new rows follow the file's own line ends.
  const newline = /\r\n/.test(csv) ? '\r\n' : '\n';
  let text = csv.length === 0 ? `${Papa.unparse([headers as string[]], { newline })}${newline}` : /\r?\n$/.test(csv) ? csv : `${csv}${newline}`;
  if (drop) {
    const all = csvRecords(text);
    const at = all[0]!.indexOf(drop.column);
    if (all.slice(1).some((r) => r[at] === drop.value))
      text = `${Papa.unparse(all.filter((r, i) => i === 0 || r[at] !== drop.value), { newline })}${newline}`;
  }
  return rows.length === 0 ? text : `${text}${Papa.unparse(rows as string[][], { newline })}${newline}`;
}
