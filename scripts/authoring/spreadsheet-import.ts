/**
 * Turns a spreadsheet exported from Excel or WPS into a dataset's content CSV:
 * official Chinese headers and their variants, merged group cells carried
 * down, dates in any of the forms staff type (or Excel serial numbers) made
 * ISO, full-width digits and stray spaces tidied, percentages read as numbers.
 * Every row that cannot be converted is reported by its spreadsheet row; none
 * is dropped. Which columns hold dates, percentages or merged group cells is
 * read from the dataset's definition (src/schemas/). Pure: the CLI
 * (scripts/import.ts) does the file work.
 */
import type { ContentIssue } from '../../src/lib/content/content-issue.ts';
import { isoDateFromParts, isRealDate } from '../../src/core/dates.ts';
import type { TableDefinition } from '../../src/schemas/table.ts';

/**
 * Full-width digits, Latin letters and ％ folded (Chinese punctuation such as ，kept), ideographic
 * spaces folded, spaces next to Chinese characters or punctuation removed, ends trimmed.
 */
export function tidyText(value: string): string {
  return value
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\p{Script=Han}\p{P}])\s+|\s+(?=[\p{Script=Han}\p{P}])/gu, '')
    .trim();
}

/** Header spellings seen in documents and exports, with spaces removed, → the dataset's header. */
const HEADER_VARIANTS: Record<string, string> = {
  完成时间: '完成时限',
  截止时间: '完成时限',
  截止日期: '截至日期',
  牵头区领导: '牵头区领导',
  总责任单位: '总责任单位',
  责任单位: '牵头单位',
  协助单位: '配合单位',
  配合部门: '配合单位',
  具体举措: '工作举措',
  工作措施: '工作举措',
};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `2023年6月30日`, `2023/6/30`, `2023.6.30`, `2023-6-30`, a Date, or an Excel serial number → `2023-06-30`. */
export function parseSpreadsheetDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{5}(\.\d+)?$/.test(value.trim()))) {
    const serial = Number(value);
    if (serial < 1 || serial > 2958465) return undefined;
    return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})\s*(?:年|[/.\-／．－])\s*(\d{1,2})\s*(?:月|[/.\-／．－])\s*(\d{1,2})\s*日?$/.exec(tidyText(value));
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(y, m, d) ? isoDateFromParts(y, m, d) : undefined;
}

export interface ImportOptions {
  /** The dataset's definition: its date and percent columns, and the columns merged down a group. */
  table: TableDefinition;
  /** Fills the 地区 column where the spreadsheet has none. */
  region?: string | undefined;
  /** Fixed values for columns the spreadsheet does not have, e.g. 来源政策. */
  defaults?: Record<string, string>;
  /** The indicator id for a name as written (aliases included), to fill 指标 from 指标名称. */
  indicatorIdOf?: (name: string) => string | undefined;
  file: string;
}

export interface ImportResult {
  headers: string[];
  rows: string[][];
  issues: ContentIssue[];
}

const cellText = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : tidyText(String(value));

export function importRows(sheet: readonly (readonly unknown[])[], options: ImportOptions): ImportResult {
  const issues: ContentIssue[] = [];
  const known = new Set(options.table.columns.map((c) => c.header));
  const headersOfKind = (kind: string) => options.table.columns.filter((c) => c.kind === kind).map((c) => c.header);
  const dateColumns = headersOfKind('date');
  // `96%` and `96` both become 96.
  const percentColumns = headersOfKind('percent');
  // Outermost first: the first one present identifies the group.
  const groupColumns = (options.table.groupColumns ?? []).map((key) => options.table.columns.find((c) => c.key === key)!.header);
  const headerRowIndex = sheet.findIndex((row) =>
    row.some((cell) => known.has(HEADER_VARIANTS[cellText(cell).replace(/\s/g, '')] ?? cellText(cell).replace(/\s/g, ''))),
  );
  if (headerRowIndex === -1) {
    issues.push({ file: options.file, message: '找不到表头行', hint: `表头应包含这些列名中的一些：${[...known].join('、')}` });
    return { headers: [], rows: [], issues };
  }
  const sourceHeaders = sheet[headerRowIndex]!.map((cell) => {
    const compact = cellText(cell).replace(/\s/g, '');
    return HEADER_VARIANTS[compact] ?? compact;
  });
  sourceHeaders.forEach((header, i) => {
    if (header && !known.has(header))
      issues.push({
        file: options.file,
        row: headerRowIndex + 1,
        field: `第${i + 1}列`,
        value: header,
        message: '不是本数据集的列名，这一列不会导入',
        hint: `本数据集的列为：${[...known].join('、')}`,
      });
  });
  const extra: Record<string, string> = { ...(options.region ? { 地区: options.region } : {}), ...options.defaults };
  const derivesIndicator = options.indicatorIdOf !== undefined && sourceHeaders.includes('指标名称');
  const headers = options.table.columns
    .map((c) => c.header)
    .filter(
      (h) =>
        sourceHeaders.includes(h) ||
        h in extra ||
        (h === '指标' && derivesIndicator) ||
        !options.table.columns.find((c) => c.header === h)!.optionalColumn,
    );

  const rows: string[][] = [];
  let previous: Record<string, string> = {};
  sheet.slice(headerRowIndex + 1).forEach((raw, offset) => {
    const rowNumber = headerRowIndex + offset + 2;
    if (raw.every((cell) => cellText(cell) === '')) return;
    // A repeated header row (a page break in the original) is not data.
    if (raw.some((cell, i) => sourceHeaders[i] && cellText(cell).replace(/\s/g, '') === sourceHeaders[i] && sourceHeaders[i] !== ''))
      return;
    const record: Record<string, string> = {};
    const rowIssues: ContentIssue[] = [];
    for (const header of headers) {
      const index = sourceHeaders.indexOf(header);
      const rawValue = index === -1 ? undefined : raw[index];
      let value = cellText(rawValue);
      if (value === '' && extra[header] !== undefined) value = extra[header]!;
      if (value !== '' && dateColumns.includes(header)) {
        const iso = parseSpreadsheetDate(rawValue instanceof Date || typeof rawValue === 'number' ? rawValue : value);
        if (iso) value = iso;
        else
          rowIssues.push({
            file: options.file,
            row: rowNumber,
            field: header,
            value,
            message: '不是能识别的日期',
            hint: '写成 2023年6月30日、2023/6/30、2023.6.30 或 2023-06-30，并确认该月有这一天',
          });
      }
      if (value !== '' && percentColumns.includes(header)) value = value.replace(/\s*%$/, '');
      record[header] = value;
    }
    // Merged cells: a group's values are given on its first row only.
    const groupKey = groupColumns.find((h) => headers.includes(h));
    const sameGroup = groupKey !== undefined && record[groupKey] === '';
    for (const header of groupColumns) if (sameGroup && record[header] === '' && previous[header]) record[header] = previous[header]!;
    if (derivesIndicator && record['指标'] === '' && record['指标名称']) {
      const id = options.indicatorIdOf!(record['指标名称']!.replace(/[（(]([^）)]+)[）)]$/, '$1'));
      if (id) record['指标'] = id;
      else
        rowIssues.push({
          file: options.file,
          row: rowNumber,
          field: '指标名称',
          value: record['指标名称'],
          message: '不是已登记的指标名称或别名',
          hint: '对照 content/tables/indicators.csv 的“名称”和“别名”列，或在“指标”列直接填写编号',
        });
    }
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else rows.push(headers.map((h) => record[h] ?? ''));
    previous = record;
  });
  return { headers, rows, issues };
}
