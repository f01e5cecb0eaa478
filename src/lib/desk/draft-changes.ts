/**
 * A draft of the publishing desk is a list of changes, not a set of whole
 * files: appended progress rows are applied to the table as it is when the
 * draft is published, so two drafts that both add rows do not overwrite each
 * other. Pure: the desk reads and writes the files.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { ContentFile } from '../content/content-model.ts';
import { csvRecords, withRows } from '../content/csv-rows.ts';
import { splitFrontmatter } from '../content/mdx-document.ts';
import { formatIssue, type ContentIssue } from '../content/content-issue.ts';
import { validateContent } from '../content/validate-content.ts';
import { tableOfDataset } from '../../schemas/datasets.ts';

export type DraftChange =
  /** A whole new or replaced file, path relative to the content root. */
  | { kind: 'file'; path: string; text: string }
  /** Rows appended to a CSV table; keys are its Chinese headers. */
  | { kind: 'rows'; path: string; rows: Record<string, string>[] };

/**
 * The headers of a table that does not exist yet: its definition's columns
 * that the rows fill or that every file of the table must have.
 */
function newTableHeaders(path: string, rows: readonly Record<string, string>[]): string[] {
  const given = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const table = tableOfDataset(path.replace(/\.csv$/, ''));
  if (!table) return given;
  return table.columns.filter((c) => !c.optionalColumn || given.includes(c.header)).map((c) => c.header);
}

/**
 * Rows appended under the file's own header. A key the file has no column for
 * is not written (the table's definition decides its columns); a missing key is an empty cell.
 */
function appendRows(text: string | undefined, path: string, rows: readonly Record<string, string>[]): string {
  const headers = text === undefined || text.trim() === '' ? newTableHeaders(path, rows) : (csvRecords(text)[0] ?? []);
  return withRows(
    text?.trim() === '' ? '' : (text ?? ''),
    headers,
    rows.map((row) => headers.map((h) => row[h] ?? '')),
  );
}

/**
 * The whole content as it would be with the changes, in order: files replaced or added, rows appended. The files
 * the changes leave alone are the ones given, whose text is read only if asked for (loaders/content-files.ts).
 */
export function applyChanges(content: readonly ContentFile[], changes: readonly DraftChange[]): ContentFile[] {
  const files = new Map(content.map((file) => [file.path, file]));
  for (const { path, ...change } of changes) {
    const text = change.kind === 'file' ? change.text : appendRows(files.get(path)?.text, path, change.rows);
    files.set(path, { path, text });
  }
  return [...files.values()];
}

/** Only the files the changes add or alter, with their full new text. */
export function changedFiles(content: readonly ContentFile[], changes: readonly DraftChange[]): ContentFile[] {
  const touched = new Set(changes.map((change) => change.path));
  const before = new Map(content.filter((file) => touched.has(file.path)).map((file) => [file.path, file.text]));
  return applyChanges(content, changes).filter((file) => touched.has(file.path) && before.get(file.path) !== file.text);
}

/** Keys of the frontmatter that only a draft carries. */
const DRAFT_KEYS = new Set(['draft', 'review']);

/**
 * The MDX text without its draft marks: the `draft` line and the import's
 * `review:` block, each with the comment lines just above it. Every other
 * line of the frontmatter and the body is kept as written.
 */
export function publishedText(mdx: string): string {
  const parts = splitFrontmatter(mdx);
  if (!parts) return mdx;
  const yaml = parseDocument(parts.yaml);
  if (yaml.errors.length > 0 || !isMap(yaml.contents)) return mdx;
  const lines = parts.yaml.split('\n');
  const lineOf = (offset: number) => parts.yaml.slice(0, offset).split('\n').length - 1;
  const drop = new Set<number>();
  for (const pair of yaml.contents.items) {
    if (!isScalar(pair.key) || !DRAFT_KEYS.has(String(pair.key.value))) continue;
    const first = lineOf(pair.key.range![0]);
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range![1];
    // The value's end offset is just past its last character, so the line holding it is that of the offset before.
    const last = lineOf(Math.max(pair.key.range![1], valueEnd - 1));
    for (let line = first; line <= last; line++) drop.add(line);
    for (let line = first - 1; line >= 0 && /^\s*#/.test(lines[line]!); line--) drop.add(line);
  }
  if (drop.size === 0) return mdx;
  // Each line keeps its own \r on Windows line ends; the last one before the closing --- has none.
  const kept = lines
    .filter((_, i) => !drop.has(i))
    .join('\n')
    .replace(/\r$/, '');
  const bom = mdx.startsWith('\uFEFF') ? '\uFEFF' : '';
  const newline = /^\uFEFF?---\r\n/.test(mdx) ? '\r\n' : '\n';
  return `${bom}---${newline}${kept}${kept === '' ? '' : newline}---${newline}${parts.body}`;
}

/** The changes as 审核通过 publishes them: every MDX file without `draft: true` and the import's review list. */
export function withoutDraftMark(changes: readonly DraftChange[]): DraftChange[] {
  return changes.map((change) =>
    change.kind === 'file' && change.path.endsWith('.mdx') ? { ...change, text: publishedText(change.text) } : change,
  );
}

/**
 * The content check's problems that the changes cause: those of the content
 * with the changes that the content alone does not have. `before` saves
 * checking the content again when its problems are already known.
 */
export function issuesCausedBy(
  content: readonly ContentFile[],
  changes: readonly DraftChange[],
  options: { displayRoot?: string; before?: readonly ContentIssue[] } = {},
): ContentIssue[] {
  const before = new Set((options.before ?? validateContent(content, options.displayRoot).issues).map(formatIssue));
  return validateContent(applyChanges(content, changes), options.displayRoot).issues.filter((issue) => !before.has(formatIssue(issue)));
}
