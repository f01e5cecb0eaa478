/**
 * Published content as pages need it: drafts left out, documents in date
 * order, tables keyed by id. Only data access here; no rendering.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from '../lib/catalog.ts';
import { policySortDate } from '../schemas/policies.ts';
import { oncePerContent } from '../loaders/content-files.ts';

export type PolicyEntry = CollectionEntry<'policies'>;
export type BriefingEntry = CollectionEntry<'briefings'>;

export async function publishedPolicies(): Promise<PolicyEntry[]> {
  const policies = await getCollection('policies', (entry) => !entry.data.draft);
  return newestFirst(policies, (p) => policySortDate(p.data), (p) => p.id);
}

export async function publishedBriefings(): Promise<BriefingEntry[]> {
  const briefings = await getCollection('briefings', (entry) => !entry.data.draft);
  return newestFirst(briefings, (b) => b.data.date, (b) => b.id);
}

export async function tableRows<C extends 'regions' | 'indicators' | 'assignments' | 'tasks' | 'targets' | 'trackers' | 'progress' | 'rankingTiers' | 'evaluationWeights'>(
  collection: C,
) {
  const entries = await getCollection(collection);
  return entries.map((entry) => ({ ...(entry.data as CollectionEntry<C>['data']), entryId: entry.id }));
}

export async function indicatorsInOrder() {
  const indicators = await tableRows('indicators');
  return indicators.sort((a, b) => a.order - b.order);
}

async function buildLookup() {
  const [regions, indicators, policies, briefings, trackers] = await Promise.all([
    tableRows('regions'), indicatorsInOrder(), publishedPolicies(), publishedBriefings(), tableRows('trackers'),
  ]);
  return {
    regions: new Map(regions.map((r) => [r.id, r])),
    indicators: new Map(indicators.map((i) => [i.id, i])),
    policies: new Map(policies.map((p) => [p.id, p])),
    briefings: new Map(briefings.map((b) => [b.id, b])),
    trackers: new Map(trackers.map((t) => [t.id, t])),
    regionName: (id: string) => regions.find((r) => r.id === id)?.name ?? id,
    indicatorName: (id: string) => indicators.find((i) => i.id === id)?.name ?? id,
  };
}

/** Names and records by id, built once per state of the content and shared by all pages. */
export const lookup = oncePerContent(buildLookup);

/** Each task list's title and the policy it is attached to, from the policies' attachments. */
export const taskListCatalog = oncePerContent(buildTaskListCatalog);

async function buildTaskListCatalog() {
  const policies = await publishedPolicies();
  const tasks = await tableRows('tasks');
  const lists = new Map<string, { id: string; title: string; policy: PolicyEntry | undefined; count: number; region: string }>();
  for (const task of tasks) {
    const entry = lists.get(task.list);
    if (entry) entry.count += 1;
    else {
      const policy = policies.find((p) => p.data.attachments.some((a) => a.dataset === `tasks/${task.list}`));
      const title = policy?.data.attachments.find((a) => a.dataset === `tasks/${task.list}`)?.title ?? task.list;
      lists.set(task.list, { id: task.list, title, policy, count: 1, region: task.region });
    }
  }
  return lists;
}

/** Progress snapshots of published briefings, each with the date its briefing was published. */
export async function publishedProgress() {
  const [briefings, progress] = await Promise.all([publishedBriefings(), tableRows('progress')]);
  const dates = new Map(briefings.map((b) => [b.id, b.data.date]));
  return progress.filter((p) => dates.has(p.briefing)).map((p) => ({ ...p, publishedOn: dates.get(p.briefing)! }));
}
