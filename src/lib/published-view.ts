/**
 * What the site publishes, worked out in one place for the pages, the search
 * records, the downloads and the feed: documents without drafts, the rows
 * that belong to published documents, each task list's title and the policy
 * it is attached to, and each task row's label and address. Pure: it takes
 * documents and rows however they were read.
 */
import { newestFirst } from './catalog.ts';
import { taskRowLinks } from './pagination.ts';
import { routes } from './routes.ts';
import { policySortDate, type Policy } from '../schemas/policies.ts';
import { taskListDataset } from '../schemas/dataset-paths.ts';
import type { ContentModel } from './content/content-model.ts';

interface Draftable {
  id: string;
  data: { draft?: boolean | undefined };
}

/** A draft (`draft: true`) stays off the site: no page, no search record, no feed entry. */
export function isPublished(document: Draftable): boolean {
  return !document.data.draft;
}

/** Drafts are shown only in the local preview (`astro dev`), where staff review an import. */
export interface DraftOption {
  includeDrafts?: boolean;
}

/** The published documents, in the order given. */
export function publishedDocuments<D extends Draftable>(documents: readonly D[], { includeDrafts = false }: DraftOption = {}): D[] {
  return includeDrafts ? [...documents] : documents.filter(isPublished);
}

/** Published policies as the policy listing orders them: newest first (see policySortDate), then by id. */
export function publishedPolicies<P extends Draftable & { data: Pick<Policy, 'publishedDate' | 'writtenDate' | 'year'> }>(
  policies: readonly P[],
  option: DraftOption = {},
): P[] {
  return newestFirst(
    publishedDocuments(policies, option),
    (p) => policySortDate(p.data),
    (p) => p.id,
  );
}

/** Published briefings as the briefing listing orders them: newest first, then by id. */
export function publishedBriefings<B extends Draftable & { data: { date: string } }>(
  briefings: readonly B[],
  option: DraftOption = {},
): B[] {
  return newestFirst(
    publishedDocuments(briefings, option),
    (b) => b.data.date,
    (b) => b.id,
  );
}

/** Published documents by id, to keep the rows that cite one (a target of a policy, a figure of a briefing). */
export function publishedById<D extends Draftable>(documents: readonly D[]): Map<string, D> {
  return new Map(publishedDocuments(documents).map((d) => [d.id, d]));
}

interface AttachingPolicy {
  id: string;
  data: { attachments: readonly { dataset: string; title: string }[] };
}

export interface TaskListHeading<P> {
  /** The list's title: as the attaching policy names it (e.g. 附件1 …), or its id. */
  title: string;
  /** The policy the list is attached to, if any. */
  policy: P | undefined;
}

/**
 * Each task list's title and policy: the first published policy (in the
 * order of publishedPolicies) whose attachments name the list.
 */
export function taskListHeadings<P extends AttachingPolicy>(
  policies: readonly P[],
  lists: Iterable<string>,
): Map<string, TaskListHeading<P>> {
  const attachedTo = new Map<string, TaskListHeading<P>>();
  for (const policy of policies)
    for (const a of policy.data.attachments) if (!attachedTo.has(a.dataset)) attachedTo.set(a.dataset, { policy, title: a.title });
  return new Map([...lists].map((list) => [list, attachedTo.get(taskListDataset(list)) ?? { title: list, policy: undefined }]));
}

interface NamedTask {
  number: number;
  indicatorName?: string | undefined;
  action?: string | undefined;
}

/** How a task row is named in search results and citations: `<list title> 第12项（<indicator or action>）`. */
export function taskRowLabel(listTitle: string, task: NamedTask): string {
  const subject = task.indicatorName || task.action;
  return `${listTitle} 第${task.number}项${subject ? `（${subject}）` : ''}`;
}

/**
 * The address of every row of every task list (lists are paginated; see
 * pagination.ts), looked up by list and row number.
 */
export function taskRowAddresses(
  lists: Iterable<readonly [list: string, numbers: readonly number[]]>,
): (task: { list: string; number: number }) => string {
  const links = new Map([...lists].map(([list, numbers]) => [list, taskRowLinks(list, numbers)]));
  return (task) => links.get(task.list)?.get(task.number) ?? routes.taskList(task.list, 1, `r${task.number}`);
}

/**
 * The validated model as the public site shows it: draft documents left out,
 * and with them every row that cites one (a draft briefing's progress figures
 * and ranking tiers, a draft policy's task lists, targets and assignments).
 * Such rows are validated like any other and are published with their
 * document when its `draft: true` line is removed.
 */
export function publishedContent(model: ContentModel): ContentModel {
  const draftPolicies = new Set(model.policies.filter((p) => !isPublished(p)).map((p) => p.id));
  const draftBriefings = new Set(model.briefings.filter((b) => !isPublished(b)).map((b) => b.id));
  if (draftPolicies.size === 0 && draftBriefings.size === 0) return model;
  const ofPublishedPolicy = <T extends { data: { policy: string } }>(rows: T[]) => rows.filter((r) => !draftPolicies.has(r.data.policy));
  const ofPublishedBriefing = <T extends { data: { briefing: string } }>(rows: T[]) =>
    rows.filter((r) => !draftBriefings.has(r.data.briefing));
  return {
    ...model,
    policies: publishedDocuments(model.policies),
    briefings: publishedDocuments(model.briefings),
    taskLists: model.taskLists.map((list) => ({ ...list, rows: ofPublishedPolicy(list.rows) })).filter((list) => list.rows.length > 0),
    targets: ofPublishedPolicy(model.targets),
    assignments: ofPublishedPolicy(model.assignments),
    progress: ofPublishedBriefing(model.progress),
    rankingTiers: ofPublishedBriefing(model.rankingTiers),
    evaluationWeights: ofPublishedBriefing(model.evaluationWeights),
  };
}
