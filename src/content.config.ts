/**
 * Content collections. MDX documents use Astro's glob loader; CSV datasets come
 * from the validated content model (src/lib/validate-content.ts), which has
 * already checked every row, reference and sum before any page is rendered.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { contentRoot } from './loaders/content-files.ts';
import { tableLoader } from './loaders/table-loader.ts';
import type { ContentModel, LocatedRow } from './lib/validate-content.ts';
import type { TableDefinition } from './schemas/table.ts';
import { policySchema } from './schemas/policies.ts';
import { briefingSchema } from './schemas/briefings.ts';
import { regionsTable } from './schemas/regions.ts';
import { indicatorsTable } from './schemas/indicators.ts';
import { assignmentsTable } from './schemas/assignments.ts';
import { tasksTable } from './schemas/tasks.ts';
import { targetsTable } from './schemas/targets.ts';
import { trackersTable } from './schemas/trackers.ts';
import { progressTable } from './schemas/progress.ts';
import { rankingTiersTable } from './schemas/ranking-tiers.ts';
import { evaluationWeightsTable } from './schemas/evaluation-weights.ts';

const root = contentRoot();

const policies = defineCollection({
  loader: glob({ base: `${root}/policies`, pattern: '*.mdx' }),
  schema: policySchema,
});

const briefings = defineCollection({
  loader: glob({ base: `${root}/briefings`, pattern: '*.mdx' }),
  schema: briefingSchema,
});

/** Notes about the content itself, such as PROVENANCE.md. */
const notes = defineCollection({
  loader: glob({ base: root, pattern: '*.md' }),
});

/** Every table row also records where it came from, so pages can cite `file row N`. */
const withSource = <S extends z.ZodType>(schema: S) =>
  z.intersection(schema, z.object({ sourceFile: z.string(), sourceRow: z.number() }));

const located = <T>(rows: LocatedRow<T>[], id: (data: T) => string) =>
  rows.map((row) => ({ id: id(row.data), data: { ...(row.data as object), sourceFile: row.file, sourceRow: row.row } }));

/** A collection of one CSV dataset's validated rows. */
function tableCollection<S extends z.ZodType>(
  table: TableDefinition<S>,
  rows: (model: ContentModel) => LocatedRow<z.output<S>>[],
  id: (data: z.output<S>) => string,
) {
  return defineCollection({
    loader: tableLoader(table.id, (model) => located(rows(model), id)),
    schema: withSource(table.schema),
  });
}

const regions = tableCollection(regionsTable, (m) => m.regions, (r) => r.id);
const indicators = tableCollection(indicatorsTable, (m) => m.indicators, (i) => i.id);
const assignments = tableCollection(assignmentsTable, (m) => m.assignments, (a) => `${a.region}/${a.indicator}/${a.policy}`);
const targets = tableCollection(targetsTable, (m) => m.targets, (t) => t.id);
const trackers = tableCollection(trackersTable, (m) => m.trackers, (t) => t.id);
const progress = tableCollection(progressTable, (m) => m.progress, (p) => p.id);
const rankingTiers = tableCollection(rankingTiersTable, (m) => m.rankingTiers, (r) => r.id);
const evaluationWeights = tableCollection(evaluationWeightsTable, (m) => m.evaluationWeights, (w) => w.id);

/** Task rows from every list, each knowing which list it belongs to. */
const tasks = defineCollection({
  loader: tableLoader('tasks', (m) =>
    m.taskLists.flatMap((list) =>
      located(list.rows, (t) => `${list.id}/${t.number}`).map((entry) => ({ ...entry, data: { ...entry.data, list: list.id } })),
    ),
  ),
  schema: z.intersection(withSource(tasksTable.schema), z.object({ list: z.string() })),
});

export const collections = {
  notes, policies, briefings, regions, indicators, assignments, tasks, targets, trackers, progress, rankingTiers, evaluationWeights,
};
