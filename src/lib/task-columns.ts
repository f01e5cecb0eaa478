/**
 * How a task list is laid out on its page. The source tables merge cells that
 * a group of rows shares (指标名称, 对标城市 … or 专项行动, 工作任务 …); the page
 * shows those once per group, as the printed table does, and the columns that
 * vary per row in the table body. Columns empty in every row are left out, and
 * so are those shown elsewhere on the page (region, source policy).
 */
import { tasksTable, type Task } from '../schemas/tasks.ts';
import type { Column } from '../schemas/table.ts';

const SHOWN_ELSEWHERE = new Set(['region', 'policy', 'indicator']);
const GROUP_KEYS: readonly string[] = tasksTable.groupColumns ?? [];

type Row = Partial<Record<keyof Task, unknown>>;

function hasValues(column: Column, rows: readonly Row[]): boolean {
  return rows.some((row) => {
    const value = row[column.key as keyof Task];
    return value !== undefined && value !== '';
  });
}

export interface TaskLayout<T extends Row> {
  groupColumns: Column[];
  rowColumns: Column[];
  groups: { values: { column: Column; value: string }[]; rows: T[] }[];
}

export function taskLayout<T extends Row>(rows: readonly T[]): TaskLayout<T> {
  const present = tasksTable.columns.filter((c) => !SHOWN_ELSEWHERE.has(c.key) && hasValues(c, rows));
  const groupColumns = present.filter((c) => GROUP_KEYS.includes(c.key));
  const rowColumns = present.filter((c) => !GROUP_KEYS.includes(c.key));
  const signature = (row: T) => groupColumns.map((c) => String(row[c.key as keyof Task] ?? '')).join('\u0000');
  const groups: TaskLayout<T>['groups'] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && signature(last.rows[0]!) === signature(row)) last.rows.push(row);
    else
      groups.push({
        values: groupColumns
          .map((column) => ({ column, value: String(row[column.key as keyof Task] ?? '') }))
          .filter((entry) => entry.value !== ''),
        rows: [row],
      });
  }
  return { groupColumns, rowColumns, groups };
}
