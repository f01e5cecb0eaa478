/**
 * The content check's problems with a draft, each beside the form field it
 * concerns: the same catalogue messages `npm run check` prints, but only those
 * the draft causes, so staff see them next to what they typed. Pure.
 */
import type { ContentFile } from '../content/content-model.ts';
import type { ContentIssue } from '../content/content-issue.ts';
import { csvRecords } from '../content/csv-rows.ts';
import { issuesCausedBy, type DraftChange } from './draft-changes.ts';

export interface FieldIssue {
  /** A FormField.name (see rowFieldName for a figure's fields), or '' when it belongs to no field. */
  field: string;
  /** From the catalogue, with its hint. */
  message: string;
}

/**
 * The field name of a cell in a row the draft appends: the table's path, the
 * row's place among all rows the draft appends to that table (0 = first), and
 * the column's Chinese header, e.g. `tables/progress.csv#0/总数`.
 */
export function rowFieldName(path: string, index: number, header: string): string {
  return `${path}#${index}/${header}`;
}

/** A progress row's id is made of its region, date and tracker: a clash is fixed in the date (or the tracker) field. */
const ID_COLUMNS: Record<string, string> = { 编号: '截至日期' };

/** `期号（issue）` → `issue`: how mdx-document.ts names a frontmatter key. */
const frontmatterKey = (field: string) => /（([A-Za-z]+)）$/.exec(field)?.[1] ?? field;

export function draftIssues(content: readonly ContentFile[], changes: readonly DraftChange[], displayRoot = 'content'): FieldIssue[] {
  const issues = issuesCausedBy(content, changes, { displayRoot });
  // Where each appended row lands: its spreadsheet row (header = row 1) in the table as it will be.
  const appendedRows = new Map<string, Map<number, number>>();
  const records = new Map(content.map((file) => [file.path, file.path.endsWith('.csv') ? csvRecords(file.text).length : 0]));
  for (const change of changes) {
    if (change.kind === 'file') {
      records.set(change.path, change.path.endsWith('.csv') ? csvRecords(change.text).length : 0);
      appendedRows.delete(change.path);
      continue;
    }
    const rows = appendedRows.get(change.path) ?? new Map<number, number>();
    // A table not there yet gets its header first.
    const before = records.get(change.path) || 1;
    change.rows.forEach((_, i) => rows.set(before + 1 + i, rows.size));
    records.set(change.path, before + change.rows.length);
    appendedRows.set(change.path, rows);
  }
  const fieldOf = (issue: ContentIssue): string => {
    const path = issue.file.startsWith(`${displayRoot}/`) ? issue.file.slice(displayRoot.length + 1) : issue.file;
    if (path.endsWith('.mdx')) return issue.field ? frontmatterKey(issue.field) : '';
    const index = issue.row === undefined ? undefined : appendedRows.get(path)?.get(issue.row);
    if (index === undefined || !issue.field) return '';
    return rowFieldName(path, index, ID_COLUMNS[issue.field] ?? issue.field);
  };
  return issues.map((issue) => ({ field: fieldOf(issue), message: issue.hint ? `${issue.message} — ${issue.hint}` : issue.message }));
}
