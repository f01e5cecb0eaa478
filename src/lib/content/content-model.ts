/**
 * The validated content as one typed model: every table's rows and every
 * document, each with the file it came from.
 */
import type { SiteSettings } from './site-settings.ts';
import type { z } from 'astro/zod';
import type { TableRow } from './csv-table.ts';
import type { tasksTable } from '../../schemas/tasks.ts';
import type { policySchema } from '../../schemas/policies.ts';
import type { briefingSchema } from '../../schemas/briefings.ts';
import type { TableDefinition } from '../../schemas/table.ts';
import type { regionsTable } from '../../schemas/regions.ts';
import type { indicatorsTable } from '../../schemas/indicators.ts';
import type { assignmentsTable } from '../../schemas/assignments.ts';
import type { targetsTable } from '../../schemas/targets.ts';
import type { trackersTable } from '../../schemas/trackers.ts';
import type { progressTable } from '../../schemas/progress.ts';
import type { rankingTiersTable } from '../../schemas/ranking-tiers.ts';
import type { evaluationWeightsTable } from '../../schemas/evaluation-weights.ts';
import type { synonymsTable } from '../../schemas/synonyms.ts';

export interface ContentFile {
  /** Path relative to the content root, with forward slashes: `tasks/x.csv`. */
  path: string;
  text: string;
  /**
   * The file's size, modification time and inode when it was listed (loaders/content-files.ts), given only when
   * they stand for its text: a kept read of the file in the same state is then taken without reading it.
   */
  state?: string | undefined;
}

type RowsOf<T> = T extends TableDefinition<infer S> ? LocatedRow<z.output<S>>[] : never;

export interface LocatedRow<T> extends TableRow<T> {
  /** Path shown to people, e.g. `content/tables/targets.csv`. */
  file: string;
}

export interface LocatedDocument<T> {
  id: string;
  file: string;
  data: T;
  /** Anchors of the document's headings, in order. */
  anchors: string[];
  /** `alias`: the former Chinese anchor of a heading that had one, still a target on the page. */
  headings: { depth: number; text: string; anchor: string; alias: string | undefined }[];
}

export interface TaskList {
  /** Dataset id: the file name without `.csv`. */
  id: string;
  file: string;
  headers: string[];
  rows: LocatedRow<z.output<typeof tasksTable.schema>>[];
}

export interface ContentModel {
  regions: RowsOf<typeof regionsTable>;
  indicators: RowsOf<typeof indicatorsTable>;
  assignments: RowsOf<typeof assignmentsTable>;
  targets: RowsOf<typeof targetsTable>;
  trackers: RowsOf<typeof trackersTable>;
  progress: RowsOf<typeof progressTable>;
  rankingTiers: RowsOf<typeof rankingTiersTable>;
  evaluationWeights: RowsOf<typeof evaluationWeightsTable>;
  synonyms: RowsOf<typeof synonymsTable>;
  taskLists: TaskList[];
  policies: LocatedDocument<z.output<typeof policySchema>>[];
  briefings: LocatedDocument<z.output<typeof briefingSchema>>[];
  /** Ids of documents that exist but failed validation: already reported, so references to them are not. */
  unreadableDocuments: Set<string>;
  /** content/site-settings.csv: 主办单位, 联系方式, 转载说明. */
  siteSettings: SiteSettings;
}

