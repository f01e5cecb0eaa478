/**
 * Published content as pages need it: drafts left out (shown only by
 * `astro dev`, for review), documents in date order, tables keyed by id.
 * Pages read every document and every row from the validated content model
 * (loaders/content-files.ts), and a document's rendered body from
 * documentBody() (data/document-body.ts). Only data access here; no rendering.
 */
import { groupBy, indicatorFamily } from '../lib/catalog.ts';
import { loadSiteModel, oncePerContent, showsDrafts } from '../loaders/content-files.ts';
import { revisionLinks } from '../lib/figures/revisions.ts';
import type { ContentModel, LocatedRow } from '../lib/content/content-model.ts';
import * as view from '../lib/published-view.ts';
import { SINGLE_FILE_TABLES } from '../schemas/datasets.ts';

/** A policy as validated: its id, file, frontmatter fields (`data`) and headings. */
export type PolicyDocument = ContentModel['policies'][number];
/** A briefing as validated: its id, file, frontmatter fields (`data`) and headings. */
export type BriefingDocument = ContentModel['briefings'][number];

export const publishedPolicies = oncePerContent(async (): Promise<PolicyDocument[]> =>
  view.publishedPolicies(loadSiteModel().policies, { includeDrafts: showsDrafts }),
);

export const publishedBriefings = oncePerContent(async (): Promise<BriefingDocument[]> =>
  view.publishedBriefings(loadSiteModel().briefings, { includeDrafts: showsDrafts }),
);

/** The single-file tables (schemas/datasets.ts) as the content model holds them: every key whose value is a table's rows. */
type SingleTable = { [K in keyof ContentModel]: ContentModel[K] extends readonly LocatedRow<unknown>[] ? K : never }[keyof ContentModel];
type TableCollection = SingleTable | 'tasks';
type TaskRow = ContentModel['taskLists'][number]['rows'][number]['data'] & { list: string };
type TableRow<C extends TableCollection> = C extends 'tasks' ? TaskRow : C extends SingleTable ? ContentModel[C][number]['data'] : never;

/** Every table's validated rows, by table; task rows carry the id of their list. */
const readTables = oncePerContent(() => {
  const model = loadSiteModel();
  const rows = new Map<string, unknown[]>(
    Object.values(SINGLE_FILE_TABLES).map((table) => [
      table.id,
      (model[table.id as SingleTable] as { data: unknown }[]).map((row) => row.data),
    ]),
  );
  rows.set(
    'tasks',
    model.taskLists.flatMap((list) => list.rows.map((row) => ({ ...row.data, list: list.id }))),
  );
  return rows;
});

/** A dataset's validated rows, read once per state of the content. Shared between pages: do not modify. */
export async function tableRows<C extends TableCollection>(collection: C): Promise<readonly TableRow<C>[]> {
  return readTables().get(collection) as TableRow<C>[];
}

export async function indicatorsInOrder() {
  return [...(await tableRows('indicators'))].sort((a, b) => a.order - b.order);
}

async function buildLookup() {
  const [regions, indicators, policies, briefings, trackers] = await Promise.all([
    tableRows('regions'),
    indicatorsInOrder(),
    publishedPolicies(),
    publishedBriefings(),
    tableRows('trackers'),
  ]);
  return {
    regions: new Map(regions.map((r) => [r.id, r])),
    indicators: new Map(indicators.map((i) => [i.id, i])),
    policies: new Map(policies.map((p) => [p.id, p])),
    briefings: new Map(briefings.map((b) => [b.id, b])),
    trackers: new Map(trackers.map((t) => [t.id, t])),
  };
}

/** Names and records by id, built once per state of the content and shared by all pages. */
export const lookup = oncePerContent(async () => {
  const maps = await buildLookup();
  return {
    ...maps,
    regionName: (id: string) => maps.regions.get(id)?.name ?? id,
    indicatorName: (id: string) => maps.indicators.get(id)?.name ?? id,
    trackerName: (id: string) => maps.trackers.get(id)?.name ?? id,
  };
});

/** Each task list's title and the policy it is attached to, from the policies' attachments. */
export const taskListCatalog = oncePerContent(buildTaskListCatalog);

async function buildTaskListCatalog() {
  const [policies, tasks] = await Promise.all([publishedPolicies(), tableRows('tasks')]);
  const byList = groupBy(tasks, (task) => task.list);
  const headings = view.taskListHeadings(policies, byList.keys());
  return new Map(
    [...byList].map(([id, rows]) => {
      const { title, policy } = headings.get(id)!;
      return [id, { id, title, policy, count: rows.length, region: rows[0]!.region }];
    }),
  );
}

/** The link to a task row on its list's page (lists are paginated; see lib/pagination.ts). */
export const taskRowHref = oncePerContent(async () => {
  const { tasksByList } = await grouped();
  return view.taskRowAddresses([...tasksByList].map(([list, rows]) => [list, rows.map((r) => r.number)] as const));
});

/** Progress snapshots of published briefings, each with the date its briefing was published. */
export const publishedProgress = oncePerContent(async () => {
  const [briefings, progress] = await Promise.all([publishedBriefings(), tableRows('progress')]);
  const dates = new Map(briefings.map((b) => [b.id, b.data.date]));
  return progress.filter((p) => dates.has(p.briefing)).map((p) => ({ ...p, publishedOn: dates.get(p.briefing)! }));
});

export type PublishedProgressRow = Awaited<ReturnType<typeof publishedProgress>>[number];

/**
 * Rows grouped the way pages look them up (a policy's targets, a region's
 * briefings), so each page reads its own rows instead of filtering every
 * collection: at province scale that is the difference between a linear
 * build and a quadratic one. Built once per state of the content.
 */
export const grouped = oncePerContent(async () => {
  const [policies, briefings, tasks, targets, assignments, progress, tiers, weights] = await Promise.all([
    publishedPolicies(),
    publishedBriefings(),
    tableRows('tasks'),
    tableRows('targets'),
    tableRows('assignments'),
    publishedProgress(),
    tableRows('rankingTiers'),
    tableRows('evaluationWeights'),
  ]);
  const published = new Set(briefings.map((b) => b.id));
  const publishedTiers = tiers.filter((t) => published.has(t.briefing));
  const publishedWeights = weights.filter((w) => published.has(w.briefing));
  return {
    policiesByRegion: groupBy(policies, (p) => p.data.region),
    policiesByIndicator: groupBy(policies, (p) => p.data.indicators),
    briefingsByRegion: groupBy(briefings, (b) => b.data.region),
    tasksByList: groupBy(tasks, (t) => t.list),
    tasksByIndicator: groupBy(tasks, (t) => t.indicator),
    targetsByPolicy: groupBy(targets, (t) => t.policy),
    targetsByIndicator: groupBy(targets, (t) => t.indicator),
    assignmentsByPolicy: groupBy(assignments, (a) => a.policy),
    assignmentsByIndicator: groupBy(assignments, (a) => a.indicator),
    progressByBriefing: groupBy(progress, (p) => p.briefing),
    progressByRegion: groupBy(progress, (p) => p.region),
    progressByTracker: groupBy(progress, (p) => p.tracker),
    /** Which published figure revises which (same region, tracker and as-of date), for every progress row. */
    revisions: revisionLinks(progress),
    tiersByBriefing: groupBy(publishedTiers, (t) => t.briefing),
    tiersByRegion: groupBy(publishedTiers, (t) => t.region),
    weightsByBriefing: groupBy(publishedWeights, (w) => w.briefing),
    weightsByRegion: groupBy(publishedWeights, (w) => w.region),
  };
});

/**
 * For each indicator, what every region has on it: the assignments naming it,
 * and the targets, tasks and policies of it and its sub-dimensions. The
 * indicator page summarises the regions; each region's part is its own page.
 */
export const indicatorDetails = oncePerContent(async () => {
  const [indicators, byKey] = await Promise.all([indicatorsInOrder(), grouped()]);
  const details = new Map<string, Map<string, RegionPart>>();
  for (const indicator of indicators) {
    const family = [...indicatorFamily(indicator.id, indicators)];
    const inFamily = <T>(index: Map<string | undefined, T[]>) => family.flatMap((id) => index.get(id) ?? []);
    const parts = new Map<string, RegionPart>();
    const part = (region: string) => {
      let known = parts.get(region);
      if (!known) parts.set(region, (known = { assignments: [], targets: [], tasks: [], policies: [] }));
      return known;
    };
    for (const a of byKey.assignmentsByIndicator.get(indicator.id) ?? []) part(a.region).assignments.push(a);
    for (const t of inFamily(byKey.targetsByIndicator)) part(t.region).targets.push(t);
    for (const t of inFamily(byKey.tasksByIndicator)) part(t.region).tasks.push(t);
    const policies = new Set([indicator.id, indicator.parent].flatMap((id) => (id ? (byKey.policiesByIndicator.get(id) ?? []) : [])));
    for (const p of policies) part(p.data.region).policies.push(p);
    details.set(indicator.id, parts);
  }
  return details;
});

type Grouped = Awaited<ReturnType<typeof grouped>>;
type RowsOf<M> = M extends Map<unknown, (infer R)[]> ? R : never;
export interface RegionPart {
  assignments: RowsOf<Grouped['assignmentsByIndicator']>[];
  targets: RowsOf<Grouped['targetsByIndicator']>[];
  tasks: RowsOf<Grouped['tasksByIndicator']>[];
  policies: PolicyDocument[];
}
