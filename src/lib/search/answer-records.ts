/**
 * The structured records an answer card is drawn from, as the search index
 * ships them (one file per kind, read only when a query asks that kind of
 * thing): who is responsible for an indicator in a region, the latest
 * published figures of a tracker, quantitative targets, policies by 文号.
 * Pure: built from the validated content model.
 */
import type { ContentModel } from '../content/content-model.ts';
import { routes } from '../routes.ts';
import { publishedById, publishedDocuments } from '../published-view.ts';

/** What a card cites: the document that publishes the answer. */
export interface AnswerSource {
  authors: string[];
  title: string;
  published?: string | undefined;
}

export interface ResponsibleAnswer {
  region: string;
  indicator: string;
  /** The indicator's name and other names, for matching a query. */
  indicatorNames: string[];
  nameInSource: string;
  leader?: string | undefined;
  leaderTitle?: string | undefined;
  leadUnit?: string | undefined;
  supportingUnits?: string | undefined;
  shiftLeader?: string | undefined;
  url: string;
  source: AnswerSource;
}

export interface FigureAnswer {
  region: string;
  tracker: string;
  /** The tracker's name and other names. */
  trackerNames: string[];
  asOf: string;
  total: number;
  completed?: number | undefined;
  inProgress?: number | undefined;
  notCompleted?: number | undefined;
  longTerm?: number | undefined;
  publishedRate?: number | undefined;
  quote: string;
  url: string;
  source: AnswerSource;
}

export interface TargetAnswer {
  region: string;
  indicator?: string | undefined;
  metric: string;
  comparator: string;
  value: number;
  unit: string;
  deadline?: string | undefined;
  quote: string;
  url: string;
  source: AnswerSource;
}

export interface PolicyAnswer {
  docNumber: string;
  title: string;
  region: string;
  url: string;
  source: AnswerSource;
}

export interface AnswerRecords {
  responsible: ResponsibleAnswer[];
  figure: FigureAnswer[];
  target: TargetAnswer[];
  policy: PolicyAnswer[];
}

export type AnswerKind = keyof AnswerRecords;
export const ANSWER_KINDS: readonly AnswerKind[] = ['responsible', 'figure', 'target', 'policy'];

/** The names a query may give a target (t) or a tracker (f) by: what decides whether their files are read. */
export function answerNames(records: Pick<AnswerRecords, 'figure' | 'target'>): { kind: 'figure' | 'target'; name: string }[] {
  return [
    ...records.target.map((t) => ({ kind: 'target' as const, name: t.metric })),
    ...records.figure.flatMap((f) => f.trackerNames.map((name) => ({ kind: 'figure' as const, name }))),
  ];
}

export function answerRecords(model: ContentModel): AnswerRecords {
  const regionName = new Map(model.regions.map((r) => [r.data.id, r.data.name]));
  const region = (id: string) => regionName.get(id) ?? id;
  const indicators = new Map(model.indicators.map((i) => [i.data.id, i.data]));
  const policies = publishedById(publishedDocuments(model.policies));
  const briefings = publishedById(publishedDocuments(model.briefings));
  const policySource = (id: string): AnswerSource => {
    const d = policies.get(id)!.data;
    // Only a date the policy states: a year alone is no publication date to cite.
    return { authors: [...d.issuer], title: d.title, published: d.publishedDate ?? d.writtenDate };
  };
  const trackers = new Map(model.trackers.map((t) => [t.data.id, t.data]));

  const responsible = model.assignments
    .filter(({ data }) => policies.has(data.policy))
    .map(({ data: a }): ResponsibleAnswer => {
      const indicator = indicators.get(a.indicator);
      return {
        region: region(a.region),
        indicator: a.indicator,
        indicatorNames: [...new Set([indicator?.name ?? a.nameInSource, ...(indicator?.aliases ?? []), a.nameInSource])],
        nameInSource: a.nameInSource,
        leader: a.leader,
        leaderTitle: a.leaderTitle,
        leadUnit: a.leadUnit,
        supportingUnits: a.supportingUnits,
        shiftLeader: a.shiftLeader,
        url: routes.indicatorInRegion(a.indicator, a.region, `assignment-${a.policy}`),
        source: policySource(a.policy),
      };
    });

  const figure = model.progress
    .filter(({ data }) => briefings.has(data.briefing))
    .map(({ data: p }): FigureAnswer => {
      const tracker = trackers.get(p.tracker);
      const briefing = briefings.get(p.briefing)!.data;
      return {
        region: region(p.region),
        tracker: p.tracker,
        trackerNames: [...new Set([tracker?.name ?? p.tracker, ...(tracker?.aliases ?? [])])],
        asOf: p.asOf,
        total: p.total,
        completed: p.completed,
        inProgress: p.inProgress,
        notCompleted: p.notCompleted,
        longTerm: p.longTerm,
        publishedRate: p.publishedRate,
        quote: p.quote,
        url: routes.briefing(p.briefing, `progress-${p.id}`),
        source: { authors: [briefing.issuer], title: briefing.title, published: briefing.date },
      };
    });

  const target = model.targets
    .filter(({ data }) => policies.has(data.policy))
    .map(({ data: t }): TargetAnswer => ({
      region: region(t.region),
      indicator: t.indicator,
      metric: t.metric,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      quote: t.quote,
      url: routes.policy(t.policy, `target-${t.id}`),
      source: policySource(t.policy),
    }));

  const policy = [...policies.values()]
    .filter((p) => p.data.docNumber)
    .map((p): PolicyAnswer => ({
      docNumber: p.data.docNumber!,
      title: p.data.title,
      region: region(p.data.region),
      url: routes.policy(p.id),
      source: policySource(p.id),
    }));

  return { responsible, figure, target, policy };
}
