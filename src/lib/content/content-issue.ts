/**
 * A problem found in the content, reported to staff. Every check returns these
 * as values so one run can list every problem instead of stopping at the first.
 */
export interface ContentIssue {
  /** Path relative to the project root, e.g. `content/tasks/x.csv`. */
  file: string;
  /** Spreadsheet row number (the header is row 1), for CSV files. */
  row?: number;
  /** Line number in the file, for MDX files. */
  line?: number;
  /** What identifies the row for a person, e.g. `序号 13`. */
  rowLabel?: string;
  /** The field as staff see it: the CSV header or the frontmatter key. */
  field?: string;
  /** The offending value, quoted in the message. */
  value?: string;
  /** What is wrong, in plain Chinese. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

function formatPlace(issue: ContentIssue): string {
  let place = issue.file;
  if (issue.row !== undefined) place += ` 第${issue.row}行`;
  else if (issue.line !== undefined) place += `:${issue.line}`;
  if (issue.rowLabel) place += `（${issue.rowLabel}）`;
  return place;
}

/** One line per problem: `file 第14行（序号 13）  完成时限："2023-06-31" 不是真实存在的日期 — 应为 …`. */
export function formatIssue(issue: ContentIssue): string {
  const parts = [formatPlace(issue)];
  let what = '';
  if (issue.field) what += `${issue.field}`;
  if (issue.value !== undefined) what += `${issue.field ? '：' : ''}"${issue.value}"`;
  if (what) parts.push(what);
  parts.push(issue.message + (issue.hint ? ` — ${issue.hint}` : ''));
  return parts.join('  ');
}

export function formatIssueReport(issues: readonly ContentIssue[]): string {
  const lines = issues.map(formatIssue);
  lines.push(`共发现 ${issues.length} 处内容问题，网站未生成。请逐条修正后重新运行。`);
  return lines.join('\n');
}

/** Stable order: by file, then by place in the file. */
export function sortIssues(issues: readonly ContentIssue[]): ContentIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.row ?? a.line ?? 0) - (b.row ?? b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}
