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

/** Rows with their place in the source file, so pages can cite `file row N`. */
const located = <T>(rows: { data: T; file: string; row: number }[], id: (data: T) => string) =>
  rows.map((row) => ({ id: id(row.data), data: { ...(row.data as object), sourceFile: row.file, sourceRow: row.row } }));

/** Every table row also records where it came from. */
const withSource = <S extends z.ZodType>(schema: S) =>
  z.intersection(schema, z.object({ sourceFile: z.string(), sourceRow: z.number() }));

const regions = defineCollection({
  loader: tableLoader('regions', (m) => located(m.regions, (r) => r.id)),
  schema: withSource(regionsTable.schema),
});
const indicators = defineCollection({
  loader: tableLoader('indicators', (m) => located(m.indicators, (r) => r.id)),
  schema: withSource(indicatorsTable.schema),
});
const assignments = defineCollection({
  loader: tableLoader('assignments', (m) => located(m.assignments, (a) => `${a.region}/${a.indicator}/${a.policy}`)),
  schema: withSource(assignmentsTable.schema),
});
const tasks = defineCollection({
  loader: tableLoader('tasks', (m) =>
    m.taskLists.flatMap((list) =>
      located(list.rows, (t) => `${list.id}/${t.number}`).map((entry) => ({ ...entry, data: { ...entry.data, list: list.id } })),
    ),
  ),
  schema: z.intersection(withSource(tasksTable.schema), z.object({ list: z.string() })),
});
const targets = defineCollection({
  loader: tableLoader('targets', (m) => located(m.targets, (t) => t.id)),
  schema: withSource(targetsTable.schema),
});
const trackers = defineCollection({
  loader: tableLoader('trackers', (m) => located(m.trackers, (t) => t.id)),
  schema: withSource(trackersTable.schema),
});
const progress = defineCollection({
  loader: tableLoader('progress', (m) => located(m.progress, (p) => p.id)),
  schema: withSource(progressTable.schema),
});
const rankingTiers = defineCollection({
  loader: tableLoader('rankingTiers', (m) => located(m.rankingTiers, (r) => r.id)),
  schema: withSource(rankingTiersTable.schema),
});
const evaluationWeights = defineCollection({
  loader: tableLoader('evaluationWeights', (m) => located(m.evaluationWeights, (w) => w.id)),
  schema: withSource(evaluationWeightsTable.schema),
});

export const collections = {
  notes, policies, briefings, regions, indicators, assignments, tasks, targets, trackers, progress, rankingTiers, evaluationWeights,
};
