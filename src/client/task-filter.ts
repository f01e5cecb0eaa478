/**
 * The task-list filter in the browser: reveals the filter form, shows only
 * the rows that pass it, keeps the count and the page address up to date.
 * The matching itself is lib/tasks/task-filter.ts.
 */
import {
  filterFromQuery,
  filterTasks,
  isEmptyFilter,
  queryFromFilter,
  type FilterableTask,
  type TaskFilter,
} from '../lib/tasks/task-filter.ts';

interface RowElement {
  row: HTMLTableRowElement;
  group: HTMLTableSectionElement;
  task: FilterableTask;
}

function readRows(table: HTMLTableElement): RowElement[] {
  return [...table.querySelectorAll<HTMLTableRowElement>('tr[data-task]')].map((row) => ({
    row,
    group: row.parentElement as HTMLTableSectionElement,
    task: {
      group: row.parentElement?.dataset.group ?? '',
      leadUnit: row.querySelector('[data-key="leadUnit"]')?.textContent ?? '',
      deadline: row.querySelector('[data-key="deadline"] time')?.getAttribute('datetime') ?? '',
      text: row.textContent ?? '',
    },
  }));
}

function readForm(form: HTMLFormElement): TaskFilter {
  return filterFromQuery(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());
}

function writeForm(form: HTMLFormElement, filter: TaskFilter): void {
  const query = new URLSearchParams(queryFromFilter(filter));
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')) {
    const value = query.get(element.name) ?? '';
    // A value the list does not have (an old shared link) leaves the choice at 全部.
    if (element instanceof HTMLSelectElement && ![...element.options].some((o) => o.value === value)) element.value = '';
    else element.value = value;
  }
}

export function startTaskFilter(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-task-filter]');
  const table = document.querySelector<HTMLTableElement>('table[data-task-table]');
  const count = form?.querySelector<HTMLElement>('[data-task-count]');
  if (!form || !table || !count) return;
  let rows: RowElement[] | undefined;

  const apply = (filter: TaskFilter) => {
    rows ??= readRows(table);
    const shown = filterTasks(
      rows.map((r) => r.task),
      filter,
    );
    const visibleGroups = new Set<HTMLTableSectionElement>();
    rows.forEach((r, i) => {
      r.row.hidden = !shown[i];
      if (shown[i]) visibleGroups.add(r.group);
    });
    for (const r of rows) r.group.hidden = !visibleGroups.has(r.group);
    const total = rows.length;
    const matched = shown.filter(Boolean).length;
    count.textContent = isEmptyFilter(filter) ? `共 ${total} 项` : `筛选出 ${matched} 项（共 ${total} 项）`;
  };

  const update = () => {
    const filter = readForm(form);
    apply(filter);
    history.replaceState(history.state, '', `${location.pathname}${queryFromFilter(filter)}${location.hash}`);
  };

  form.hidden = false;
  // Without this script the form is submitted as GET and the page opens with the query; with it, in place.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
  });
  form.addEventListener('change', update);
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).matches('input')) update();
  });
  // The reset event fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(update));

  const initial = filterFromQuery(location.search);
  if (!isEmptyFilter(initial)) {
    writeForm(form, initial);
    apply(readForm(form));
  }
}
