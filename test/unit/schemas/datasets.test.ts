/**
 * The registry of datasets is what the import, downloads and the data
 * dictionary trust about each column, so a column's declared kind must be
 * what its schema field actually enforces.
 */
import { describe, expect, test } from 'vitest';
import { SINGLE_FILE_TABLES, TABLE_DATASET_PATHS, TASK_LIST_TABLE, tableOfDataset } from '../../../src/schemas/datasets.ts';
import { targetsTable } from '../../../src/schemas/targets.ts';
import type { ColumnKind, TableDefinition } from '../../../src/schemas/table.ts';
import { messageText } from '../../../src/core/content-messages.ts';

const tables: TableDefinition[] = [...Object.values(SINGLE_FILE_TABLES), TASK_LIST_TABLE] as TableDefinition[];

test('a dataset path names its definition; anything else names none', () => {
  expect(tableOfDataset('tables/targets')).toBe(targetsTable);
  expect(tableOfDataset('tasks/qingshanhu-2024-zhibiao-renwu')).toBe(TASK_LIST_TABLE);
  for (const path of ['tables/notes', 'tasks/测试清单', 'tasks/a/b', 'sources/x', 'tables/'] as const)
    expect(tableOfDataset(path), path).toBeUndefined();
  expect(TABLE_DATASET_PATHS).toContain('tables/ranking-tiers');
});

/** What the schema says about one cell, with every other cell empty. */
function problemsWith(table: TableDefinition, key: string, value: string): string[] {
  const raw = Object.fromEntries(table.columns.map((c) => [c.key, c.key === key ? value : '']));
  const result = table.schema.safeParse(raw);
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === key).map((issue) => issue.message);
}

/** A value the kind must reject, and the message that says so. */
const REJECTED: Partial<Record<ColumnKind, [string, string[]]>> = {
  date: ['2023年6月30日', [messageText('date-chinese')]],
  id: ['青山湖', [messageText('id-format', { example: 'qingshanhu' }), messageText('id-format', { example: 'kaiban-qiye' })]],
  ids: ['kaiban qiye', [messageText('id-list-format')]],
  count: ['93项', [messageText('count-format'), messageText('optional-count-format')]],
  ordinal: ['一', [messageText('count-format'), messageText('optional-count-format')]],
  year: ['2023年', [messageText('count-format')]],
  number: ['0.5个', [messageText('number-format')]],
  percent: ['89.5%', [messageText('percent-format'), messageText('number-format')]],
};

describe.each(tables.map((table) => [table.id, table] as const))('%s', (_, table) => {
  test('each column kind is what its schema field enforces', () => {
    for (const column of table.columns) {
      const rejected = REJECTED[column.kind];
      if (!rejected) continue;
      const [value, messages] = rejected;
      const problems = problemsWith(table, column.key, value);
      expect(
        problems.some((problem) => messages.includes(problem)),
        `${column.header} (${column.kind}) given "${value}": ${problems.join('; ')}`,
      ).toBe(true);
    }
  });

  test('an anchor column names the document column it is an anchor in, and codes say what they refer to', () => {
    for (const column of table.columns.filter((c) => c.kind === 'anchor')) {
      const document = table.columns.find((c) => c.key === column.anchorIn);
      expect(document?.refersTo, column.header).toMatch(/^(policies|briefings)$/);
    }
    for (const column of table.columns.filter((c) => c.kind === 'ids')) expect(column.refersTo, column.header).toBeDefined();
  });

  test('only columns that exist are merged down a group, and only percent and count columns carry units', () => {
    for (const key of table.groupColumns ?? []) expect(table.columns.map((c) => c.key)).toContain(key);
    for (const column of table.columns.filter((c) => c.unit)) expect(['count', 'percent', 'number'], column.header).toContain(column.kind);
  });
});
