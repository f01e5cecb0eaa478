/**
 * The registry of datasets: every CSV table the content holds, by file name,
 * and the task lists. Validation, cross-references, downloads, the data
 * dictionary and the import tool read the list from here; each definition
 * (see table.ts) says what its columns hold.
 */
import type { TableDefinition } from './table.ts';
import { ID_PATTERN } from './fields.ts';
import { tasksTable } from './tasks.ts';
import { regionsTable } from './regions.ts';
import { indicatorsTable } from './indicators.ts';
import { assignmentsTable } from './assignments.ts';
import { targetsTable } from './targets.ts';
import { trackersTable } from './trackers.ts';
import { progressTable } from './progress.ts';
import { rankingTiersTable } from './ranking-tiers.ts';
import { evaluationWeightsTable } from './evaluation-weights.ts';
import { synonymsTable } from './synonyms.ts';
import { taskListOfDataset } from './dataset-paths.ts';

export { taskListDataset, taskListOfDataset } from './dataset-paths.ts';

/** Single-file datasets in `tables/`, by file name. Regions and indicators must exist. */
export const SINGLE_FILE_TABLES = {
  'regions.csv': regionsTable,
  'indicators.csv': indicatorsTable,
  'assignments.csv': assignmentsTable,
  'targets.csv': targetsTable,
  'trackers.csv': trackersTable,
  'progress.csv': progressTable,
  'ranking-tiers.csv': rankingTiersTable,
  'evaluation-weights.csv': evaluationWeightsTable,
  'synonyms.csv': synonymsTable,
} as const;

export const REQUIRED_TABLES = ['regions.csv', 'indicators.csv'] as const;

/** Task lists: one file per list in `tasks/`, every one read with the task-list definition. */
export const TASK_LIST_TABLE = tasksTable;

/** The dataset path of each single-file table, e.g. `tables/targets` (downloads and attachments use these). */
export const TABLE_DATASET_PATHS = Object.keys(SINGLE_FILE_TABLES).map((file) => `tables/${file.replace(/\.csv$/, '')}`);

/** The definition a dataset path (`tables/targets`, `tasks/<list id>`) is read with, if it names one. */
export function tableOfDataset(path: string): TableDefinition | undefined {
  const [folder, name = '', ...rest] = path.split('/');
  if (rest.length > 0 || !ID_PATTERN.test(name)) return undefined;
  if (taskListOfDataset(path) !== undefined) return TASK_LIST_TABLE as TableDefinition;
  if (folder === 'tables') return SINGLE_FILE_TABLES[`${name}.csv` as keyof typeof SINGLE_FILE_TABLES] as TableDefinition | undefined;
  return undefined;
}
