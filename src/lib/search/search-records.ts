/**
 * What the search index holds: one record per document section and per data
 * row, each with the URL of its own anchor, so a result lands on the exact
 * section or table row. Pure: built from the validated content model.
 */
import type { ContentModel } from '../content/content-model.ts';
import { markdownSections } from '../content/markdown-text.ts';
import { formatChineseDate } from '../../core/dates.ts';
import { policySortDate } from '../../schemas/policies.ts';
import { routes } from '../routes.ts';
import {
  publishedById,
  publishedDocuments,
  publishedPolicies,
  taskListHeadings,
  taskRowAddresses,
  taskRowLabel,
} from '../published-view.ts';

export const SEARCH_KINDS = {
  policy: '政策文件',
  briefing: '工作简报',
  task: '任务',
  target: '量化目标',
  assignment: '责任分工',
  progress: '进展数字',
  indicator: '指标',
  region: '地区',
} as const;

export interface SearchRecord {
  url: string;
  title: string;
  content: string;
  kind: (typeof SEARCH_KINDS)[keyof typeof SEARCH_KINDS];
  /** Region names, for the region facet. */
  regions: string[];
  /** First-level indicator names, for the indicator facet. */
  indicators: string[];
  year?: string | undefined;
  /** ISO date, for ordering by date. */
  date?: string | undefined;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?(?:\n|$)/;

export function searchRecords(model: ContentModel, documentText: (kind: 'policies' | 'briefings', id: string) => string): SearchRecord[] {
  const regionName = new Map(model.regions.map((r) => [r.data.id, r.data.name]));
  const indicators = new Map(model.indicators.map((i) => [i.data.id, i.data]));
  const topName = (id: string | undefined) => {
    if (!id) return [];
    const indicator = indicators.get(id);
    const top = indicator?.parent ? indicators.get(indicator.parent) : indicator;
    return top ? [top.name] : [];
  };
  const region = (id: string) => [regionName.get(id) ?? id];
  const records: SearchRecord[] = [];
  // In file order: the query vocabulary is collected in record order.
  const policies = publishedDocuments(model.policies);
  const briefings = publishedDocuments(model.briefings);

  for (const policy of policies) {
    const date = policySortDate(policy.data);
    const facets = {
      kind: SEARCH_KINDS.policy,
      regions: region(policy.data.region),
      indicators: policy.data.indicators.flatMap(topName),
      year: date.slice(0, 4),
      date,
    };
    const meta = [policy.data.docNumber, policy.data.issuer.join('、')].filter(Boolean).join(' ');
    for (const section of markdownSections(documentText('policies', policy.id).replace(FRONTMATTER, ''))) {
      records.push({
        ...facets,
        url: routes.policy(policy.id, section.anchor),
        title: section.heading ? `${policy.data.title} › ${section.heading}` : policy.data.title,
        content: section.anchor ? `${section.heading}\n${section.text}` : `${policy.data.title}\n${meta}\n${section.text}`,
      });
    }
  }

  for (const briefing of briefings) {
    const facets = {
      kind: SEARCH_KINDS.briefing,
      regions: region(briefing.data.region),
      indicators: [],
      year: briefing.data.date.slice(0, 4),
      date: briefing.data.date,
    };
    for (const section of markdownSections(documentText('briefings', briefing.id).replace(FRONTMATTER, ''))) {
      records.push({
        ...facets,
        url: routes.briefing(briefing.id, section.anchor),
        title: section.heading ? `${briefing.data.title} › ${section.heading}` : briefing.data.title,
        content: section.anchor ? `${section.heading}\n${section.text}` : `${briefing.data.title}\n${section.text}`,
      });
    }
  }

  const policyById = publishedById(policies);
  const listHeadings = taskListHeadings(
    publishedPolicies(model.policies),
    model.taskLists.map((list) => list.id),
  );
  const rowAddress = taskRowAddresses(model.taskLists.map((list) => [list.id, list.rows.map((r) => r.data.number)] as const));
  for (const list of model.taskLists) {
    const policy = list.rows[0] ? policyById.get(list.rows[0].data.policy) : undefined;
    if (!policy && list.rows.length > 0) continue;
    const listTitle = listHeadings.get(list.id)!.title;
    for (const { data: task } of list.rows) {
      const cells = [
        task.indicatorName,
        task.benchmarkCities,
        task.expectedGrade,
        task.pilotProject,
        task.action,
        task.actionLeader,
        task.actionUnit,
        task.goal,
        task.measure,
        task.indicatorLead,
        task.leadUnit,
        task.supportingUnits,
        task.deadline && `完成时限 ${formatChineseDate(task.deadline)}`,
      ];
      records.push({
        url: rowAddress({ list: list.id, number: task.number }),
        title: taskRowLabel(listTitle, task),
        content: cells.filter(Boolean).join('\n'),
        kind: SEARCH_KINDS.task,
        regions: region(task.region),
        indicators: topName(task.indicator),
        year: task.deadline?.slice(0, 4) ?? policy?.data.year?.toString(),
        date: task.deadline,
      });
    }
  }

  for (const { data: target } of model.targets) {
    if (!policyById.has(target.policy)) continue;
    records.push({
      url: routes.policy(target.policy, `target-${target.id}`),
      title: `${regionName.get(target.region) ?? target.region}目标：${target.metric} ${target.comparator} ${target.value}${target.unit}`,
      content: `${target.metric}\n${target.quote}`,
      kind: SEARCH_KINDS.target,
      regions: region(target.region),
      indicators: topName(target.indicator),
      year: target.deadline?.slice(0, 4) ?? policySortDate(policyById.get(target.policy)!.data).slice(0, 4),
      date: target.deadline,
    });
  }

  for (const { data: a } of model.assignments) {
    if (!policyById.has(a.policy)) continue;
    records.push({
      url: routes.indicatorInRegion(a.indicator, a.region, `assignment-${a.policy}`),
      title: `${regionName.get(a.region) ?? a.region} ${a.nameInSource} 责任分工`,
      content: [
        a.nameInSource,
        a.leader && `${a.leaderTitle ?? '牵头领导'} ${a.leader}`,
        a.leadUnit && `牵头单位 ${a.leadUnit}`,
        a.supportingUnits && `配合单位 ${a.supportingUnits}`,
        a.shiftLeader && `带班领导 ${a.shiftLeader}`,
        a.benchmarkCities && `对标城市 ${a.benchmarkCities}`,
        a.expectedGrade,
      ]
        .filter(Boolean)
        .join('\n'),
      kind: SEARCH_KINDS.assignment,
      regions: region(a.region),
      indicators: topName(a.indicator),
    });
  }

  const trackerName = new Map(model.trackers.map((t) => [t.data.id, t.data.name]));
  const briefingById = publishedById(briefings);
  for (const { data: p } of model.progress) {
    const briefing = briefingById.get(p.briefing);
    if (!briefing) continue;
    records.push({
      url: routes.briefing(p.briefing, `progress-${p.id}`),
      title: `${trackerName.get(p.tracker) ?? p.tracker}进展（截至${formatChineseDate(p.asOf)}）`,
      content: p.quote,
      kind: SEARCH_KINDS.progress,
      regions: region(p.region),
      indicators: [],
      year: p.asOf.slice(0, 4),
      date: p.asOf,
    });
  }

  for (const { data: indicator } of model.indicators) {
    records.push({
      url: routes.indicator(indicator.id),
      title: indicator.name,
      content: [indicator.name, ...indicator.aliases, indicator.kind, indicator.note].filter(Boolean).join('\n'),
      kind: SEARCH_KINDS.indicator,
      regions: [],
      indicators: topName(indicator.id),
    });
  }

  for (const { data: r } of model.regions) {
    records.push({
      url: routes.region(r.id),
      title: r.name,
      content: `${r.name}\n${r.level}`,
      kind: SEARCH_KINDS.region,
      regions: [r.name],
      indicators: [],
    });
  }
  return records;
}
