/**
 * Filtering a task list by indicator (or special action), lead unit, deadline
 * month and words, as the task-list page does in the browser. The filter is
 * kept in the page's address (`?unit=区政数局&month=2023-06`), so a filtered
 * list can be shared; without JavaScript the page shows every row.
 */
import { formatChineseMonth } from '../../core/dates.ts';
import { splitLeadUnits } from './lead-units.ts';

/** What the filter needs to know of one task row. */
export interface FilterableTask {
  /** The indicator or special action the row belongs to, as the list names it. */
  group: string;
  /** 牵头单位 as written; may name several units. */
  leadUnit: string;
  /** 完成时限, `YYYY-MM-DD`, or empty. */
  deadline: string;
  /** All the row's words, for the text filter. */
  text: string;
}

export interface TaskFilter {
  group?: string;
  unit?: string;
  /** `YYYY-MM`. */
  month?: string;
  /** Words that must all appear in the row. */
  text?: string;
}

/** The address parameter of each filter field. */
export const FILTER_PARAMETERS = { group: 'group', unit: 'unit', month: 'month', text: 'q' } as const satisfies Record<
  keyof TaskFilter,
  string
>;

const FIELDS = Object.keys(FILTER_PARAMETERS) as (keyof TaskFilter)[];

/** What a row is grouped by for the filter: its indicator's name as the list writes it, or its special action. */
export function taskGroup(row: { indicatorName?: string | undefined; action?: string | undefined }): string {
  return row.indicatorName || row.action || '';
}

/** The filter's fields of a task row as the content model holds it (the text filter reads the page). */
export function filterableTask(row: {
  indicatorName?: string | undefined;
  action?: string | undefined;
  leadUnit?: string | undefined;
  deadline?: string | undefined;
}): FilterableTask {
  return { group: taskGroup(row), leadUnit: row.leadUnit ?? '', deadline: row.deadline ?? '', text: '' };
}

/** `2023-06-30` → `2023-06`; empty for no date. */
export function deadlineMonth(deadline: string): string {
  return /^\d{4}-\d{2}/.test(deadline) ? deadline.slice(0, 7) : '';
}

/** Full-width letters and digits as half-width, Latin letters in lower case: what the text filter compares. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function matchesTask(task: FilterableTask, filter: TaskFilter): boolean {
  if (filter.group && task.group !== filter.group) return false;
  if (filter.unit && !splitLeadUnits(task.leadUnit).includes(filter.unit)) return false;
  if (filter.month && deadlineMonth(task.deadline) !== filter.month) return false;
  if (filter.text) {
    const haystack = fold(task.text);
    if (
      !fold(filter.text)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

/** Which of the tasks pass the filter, as a flag per task in order. */
export function filterTasks(tasks: readonly FilterableTask[], filter: TaskFilter): boolean[] {
  return tasks.map((task) => matchesTask(task, filter));
}

export function isEmptyFilter(filter: TaskFilter): boolean {
  return FIELDS.every((field) => !filter[field]);
}

/** The filter an address's query string holds; unknown parameters are ignored. */
export function filterFromQuery(query: string): TaskFilter {
  const params = new URLSearchParams(query);
  const filter: TaskFilter = {};
  for (const field of FIELDS) {
    const value = params.get(FILTER_PARAMETERS[field])?.trim();
    if (value) filter[field] = value;
  }
  return filter;
}

/** The query string (`?unit=…`, or empty) that holds a filter, fields in a fixed order. */
export function queryFromFilter(filter: TaskFilter): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filter[field]?.trim();
    if (value) params.set(FILTER_PARAMETERS[field], value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/**
 * The choices of each filter field over a list's rows: groups in the order
 * of the list, lead units by how many tasks they lead (then by name), months
 * in date order.
 */
export function filterOptions(tasks: readonly FilterableTask[]): { groups: FilterOption[]; units: FilterOption[]; months: FilterOption[] } {
  const count = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const groups = [...count(tasks.map((t) => t.group))].map(([value, n]) => ({ value, label: value, count: n }));
  const units = [...count(tasks.flatMap((t) => [...new Set(splitLeadUnits(t.leadUnit))]))]
    .map(([value, n]) => ({ value, label: value, count: n }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
  const months = [...count(tasks.map((t) => deadlineMonth(t.deadline)))]
    .map(([value, n]) => ({ value, label: formatChineseMonth(value), count: n }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return { groups, units, months };
}
