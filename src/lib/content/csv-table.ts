/**
 * Reads one CSV dataset against its table definition. Every problem becomes a
 * ContentIssue naming the spreadsheet row (header = row 1) and the Chinese
 * column header, so staff can find it in Excel/WPS.
 */
import Papa from 'papaparse';
import type { z } from 'astro/zod';
import type { ContentIssue } from './content-issue.ts';
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

function describeParseError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return '引号没有闭合：单元格以英文双引号开头，却没有对应的结束引号';
    case 'InvalidQuotes':
      return '引号使用不规范：单元格内的英文双引号应写成两个连续的双引号 ""';
    case 'UndetectableDelimiter':
      return '无法识别分隔符：文件应为英文逗号分隔的 CSV';
    default:
      return `CSV 格式错误（${error.message}）`;
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
    issues.push({ file, message: '文件是空的', hint: `第1行应为表头：${table.columns.map((c) => c.header).join(',')}` });
    return { rows, issues, headers: [] };
  }
  if (source.includes('\uFFFD')) {
    issues.push({ file, message: '文件不是 UTF-8 编码（含无法识别的字符）', hint: '在 WPS/Excel 中另存为“CSV UTF-8（逗号分隔）”' });
    return { rows, issues, headers: [] };
  }

  const parsed = Papa.parse<string[]>(source, { header: false, skipEmptyLines: 'greedy', delimiter: ',' });
  for (const error of parsed.errors) {
    issues.push({ file, row: (error.row ?? 0) + 1, message: describeParseError(error) });
  }
  if (parsed.errors.length > 0) return { rows, issues, headers: [] };

  const [headerCells = [], ...records] = parsed.data;
  const headers = headerCells.map((cell) => cell.trim());
  const byHeader = new Map(table.columns.map((column) => [column.header, column]));
  const expected = table.columns.map((column) => column.header).join('、');

  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (!byHeader.has(header)) {
      issues.push({ file, row: 1, field: `第${index + 1}列`, value: header, message: '不是本表的列名', hint: `本表的列为：${expected}` });
    } else if (seen.has(header)) {
      issues.push({ file, row: 1, field: header, message: '列名重复出现', hint: '删除多余的一列' });
    }
    seen.add(header);
  });
  for (const column of table.columns) {
    if (!column.optionalColumn && !seen.has(column.header)) {
      issues.push({ file, row: 1, field: column.header, message: '缺少这一列', hint: `在表头加上“${column.header}”列（可以留空的列也必须有表头）` });
    }
  }
  if (issues.length > 0) return { rows, issues, headers };

  records.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== headers.length) {
      issues.push({
        file,
        row,
        message: `这一行有 ${cells.length} 个单元格，表头有 ${headers.length} 列`,
        hint: '检查是否多了或少了逗号；含逗号的单元格要用英文双引号括起来',
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
