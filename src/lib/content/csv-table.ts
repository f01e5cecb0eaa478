/**
 * Reads one CSV dataset against its table definition. Every problem becomes a
 * ContentIssue naming the spreadsheet row (header = row 1) and the Chinese
 * column header, so staff can find it in Excel/WPS.
 */
import Papa from 'papaparse';
import type { z } from 'astro/zod';
import type { ContentIssue } from './content-issue.ts';
import { contentMessage } from '../../core/content-messages.ts';
import type { TableDefinition } from '../../schemas/table.ts';

export interface TableRow<T> {
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  row: number;
  /** How people identify the row, e.g. `序号 13`. */
  label?: string;
  data: T;
}

export interface TableReadResult<T> {
  rows: TableRow<T>[];
  issues: ContentIssue[];
  /** Headers present in the file, in file order (known ones only). */
  headers: string[];
}

const BOM = '\uFEFF';

function describeParseError(error: Papa.ParseError) {
  switch (error.code) {
    case 'MissingQuotes':
      return contentMessage('csv-unclosed-quote');
    case 'InvalidQuotes':
      return contentMessage('csv-stray-quote');
    case 'UndetectableDelimiter':
      return contentMessage('csv-no-delimiter');
    default:
      return contentMessage('csv-format', { detail: error.message });
  }
}

export function readTable<S extends z.ZodType>(
  table: TableDefinition<S>,
  file: string,
  text: string,
): TableReadResult<z.output<S>> {
  const issues: ContentIssue[] = [];
  const rows: TableRow<z.output<S>>[] = [];
  const source = text.startsWith(BOM) ? text.slice(1) : text;

  if (source.trim() === '') {
    issues.push({ file, ...contentMessage('csv-empty-file', { headers: table.columns.map((c) => c.header).join(',') }) });
    return { rows, issues, headers: [] };
  }
  if (source.includes('\uFFFD')) {
    issues.push({ file, ...contentMessage('csv-not-utf8') });
    return { rows, issues, headers: [] };
  }

  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: 'greedy', delimiter: ',' });
  for (const error of parsed.errors) {
    issues.push({ file, row: (error.row ?? 0) + 1, ...describeParseError(error) });
  }
  if (parsed.errors.length > 0) return { rows, issues, headers: [] };

  const [headerCells = [], ...records] = parsed.data;
  const headers = headerCells.map((cell) => cell.trim());
  const byHeader = new Map(table.columns.map((column) => [column.header, column]));
  const expected = table.columns.map((column) => column.header).join('、');

  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (!byHeader.has(header)) {
      issues.push({ file, row: 1, field: `第${index + 1}列`, value: header, ...contentMessage('csv-unknown-column', { columns: expected }) });
    } else if (seen.has(header)) {
      issues.push({ file, row: 1, field: header, ...contentMessage('csv-duplicate-column') });
    }
    seen.add(header);
  });
  for (const column of table.columns) {
    if (!column.optionalColumn && !seen.has(column.header)) {
      issues.push({ file, row: 1, field: column.header, ...contentMessage('csv-missing-column', { header: column.header }) });
    }
  }
  if (issues.length > 0) return { rows, issues, headers };

  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== headers.length) {
      issues.push({
        file,
        row,
        ...contentMessage('csv-cell-count', { cells: cells.length, columns: headers.length }),
      });
      return;
    }
    const raw: Record<string, string> = {};
    for (const column of table.columns) raw[column.key] = '';
    headers.forEach((header, i) => {
      raw[byHeader.get(header)!.key] = cells[i]!.trim();
    });
    const labelColumn = table.labelColumn && byHeader.get(table.labelColumn);
    const label = labelColumn && raw[labelColumn.key] ? `${table.labelColumn} ${raw[labelColumn.key]}` : undefined;

    const result = table.schema.safeParse(raw);
    if (result.success) {
      rows.push({ row, label, data: result.data });
      return;
    }
    for (const zodIssue of result.error.issues) {
      const key = String(zodIssue.path[0] ?? '');
      const column = table.columns.find((c) => c.key === key);
      issues.push({
        file,
        row,
        rowLabel: label,
        field: column?.header,
        value: column ? raw[key] : undefined,
        message: zodIssue.message,
      });
    }
  });
  return { rows, issues, headers };
}
