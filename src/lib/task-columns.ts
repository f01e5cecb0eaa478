/**
 * Which columns a task list page shows: the list's own columns in dictionary
 * order, leaving out those that are the same for the whole list (region,
 * source policy) or empty in every row.
 */
import { tasksTable } from '../schemas/tasks.ts';

const SHOWN_ELSEWHERE = new Set(['region', 'policy', 'indicator']);

export function visibleTaskColumns(rows: readonly Record<string, unknown>[]) {
  return tasksTable.columns.filter(
    (column) => !SHOWN_ELSEWHERE.has(column.key) && rows.some((row) => row[column.key] !== undefined && row[column.key] !== ''),
  );
}
