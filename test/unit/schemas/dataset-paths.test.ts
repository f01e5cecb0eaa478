import { expect, expectTypeOf, test } from 'vitest';
import { SINGLE_FILE_TABLES, tableOfDataset, TASK_LIST_TABLE, taskListDataset, taskListOfDataset } from '../../../src/schemas/datasets.ts';
import { datasetAnchor } from '../../../src/lib/routes.ts';

test('a task list has one dataset path, which reads back to its id', () => {
  expect(taskListDataset('qingshanhu-2023-zhibiao-renwu')).toBe('tasks/qingshanhu-2023-zhibiao-renwu');
  expect(taskListOfDataset(taskListDataset('qingshanhu-2023-zhibiao-renwu'))).toBe('qingshanhu-2023-zhibiao-renwu');
  expect(taskListOfDataset('tables/targets')).toBeUndefined();
  expect(tableOfDataset(taskListDataset('a-list'))).toBe(TASK_LIST_TABLE);
  expect(datasetAnchor(taskListDataset('a-list'))).toBe('tasks');
  expect(datasetAnchor('tables/targets')).toBe('tables-targets');
});

test('the site reads every single-file table of the registry, synonyms included', () => {
  type ReadableTable = Parameters<typeof import('../../../src/data/site-content.ts').tableRows>[0];
  // The type check (astro check) fails here when a table of the registry cannot be read.
  expect(Object.values(SINGLE_FILE_TABLES).map((table) => table.id)).toContain('synonyms');
  expectTypeOf<
    | 'regions'
    | 'indicators'
    | 'assignments'
    | 'targets'
    | 'trackers'
    | 'progress'
    | 'rankingTiers'
    | 'evaluationWeights'
    | 'synonyms'
    | 'tasks'
  >().toEqualTypeOf<ReadableTable>();
});
