/**
 * The registry of datasets: every CSV table the content holds, by file name.
 * Validation, downloads and the import tool read the list from here.
 */
import { regionsTable } from './regions.ts';
import { indicatorsTable } from './indicators.ts';
import { assignmentsTable } from './assignments.ts';
import { targetsTable } from './targets.ts';
import { trackersTable } from './trackers.ts';
import { progressTable } from './progress.ts';
import { rankingTiersTable } from './ranking-tiers.ts';
import { evaluationWeightsTable } from './evaluation-weights.ts';

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
} as const;

export const REQUIRED_TABLES = ['regions.csv', 'indicators.csv'] as const;

