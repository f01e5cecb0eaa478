/**
 * Every chart on the site, built once from the validated content and keyed by
 * the page it appears on. Pages and the CSV download endpoint both read from
 * here, so a chart's download is always the table shown under it.
 */
import { grouped, lookup, tableRows, taskListCatalog } from './site-content.ts';
import { groupBy } from '../lib/catalog.ts';
import { yearOf } from '../core/dates.ts';
import { policySortDate } from '../schemas/policies.ts';
import { currentSnapshots } from '../lib/figures/revisions.ts';
import { oncePerContent } from '../loaders/content-files.ts';
import {
  briefingProgressChart, rankingTiersChart, targetComparisonCharts, tasksByGroupChart, tasksByLeadUnitChart,
  tasksByMonthChart, trackerRateChart, type ChartCredit, type CreditedChart,
} from '../lib/charts/chart-specs.ts';
import { bookTitle } from '../lib/citation.ts';
import { routes } from '../lib/routes.ts';
import { sectionTitles } from './section-titles.ts';

export interface PlacedChart {
  spec: CreditedChart;
  /** The page the chart appears on, e.g. /briefings/x/. */
  page: string;
  /** For comparisons of targets: the first-level indicator they belong to, and the year compared. */
  indicator?: string;
  year?: string;
}

async function buildCharts(): Promise<PlacedChart[]> {
  const [{ trackers, indicators, policies, briefings, indicatorName, regionName, trackerName }, byKey, targets, lists, sectionTitle] = await Promise.all([
    lookup(), grouped(), tableRows('targets'), taskListCatalog(), sectionTitles(),
  ]);
  const briefingTitle = (id: string) => briefings.get(id)?.data.title ?? id;
  const charts: PlacedChart[] = [];
  const unique = (values: string[]) => [...new Set(values)];
  const names = { documentTitle: (id: string) => policies.get(id)?.data.title ?? briefingTitle(id), sectionTitle };
  /** The credit of figures taken from briefing sections: their issuers, the latest date, each briefing and section. */
  const fromBriefings = (rows: readonly { briefing: string; section: string }[]): Omit<ChartCredit, 'page'> => {
    const cited = rows.map((r) => ({ briefing: briefings.get(r.briefing)!, section: r.section }));
    return {
      authors: unique(cited.map((c) => c.briefing.data.issuer)),
      published: cited.map((c) => c.briefing.data.date).sort().at(-1),
      sources: unique(cited.map((c) => `${bookTitle(c.briefing.data.title)} ${sectionTitle(c.briefing.id, c.section)}`)),
    };
  };
  const fromPolicies = (rows: readonly { policy: string; section?: string }[]): Omit<ChartCredit, 'page'> => {
    const cited = rows.map((r) => ({ policy: policies.get(r.policy)!, section: r.section }));
    return {
      authors: unique(cited.flatMap((c) => c.policy.data.issuer)),
      published: cited.map((c) => policySortDate(c.policy.data)).sort().at(-1),
      sources: unique(cited.map((c) => `${bookTitle(c.policy.data.title)}${c.section ? ` ${sectionTitle(c.policy.id, c.section)}` : ''}`)),
    };
  };

  for (const briefing of briefings.values()) {
    const rows = byKey.progressByBriefing.get(briefing.id) ?? [];
    const page = routes.briefing(briefing.id);
    if (rows.length > 0) charts.push({ page, spec: { ...briefingProgressChart({ briefingId: briefing.id, briefingTitle: briefing.data.title, rows, trackerName, names }), credit: { page, ...fromBriefings(rows) } } });
    const briefingTiers = byKey.tiersByBriefing.get(briefing.id) ?? [];
    if (briefingTiers.length > 0) charts.push({ page, spec: { ...rankingTiersChart(briefing.id, briefingTiers, indicatorName, names), credit: { page, ...fromBriefings(briefingTiers) } } });
  }

  for (const [trackerId, rows] of byKey.progressByTracker) {
    const tracker = trackers.get(trackerId);
    if (!tracker) continue;
    for (const [regionId, regionRows] of groupBy(rows, (p) => p.region)) {
      const current = currentSnapshots(regionRows);
      const spec = trackerRateChart({ trackerId, trackerName: tracker.name, regionId, regionName: regionName(regionId), rows: current, briefingTitle, names });
      // Each region's history of a tracker has its own page: one page for all regions would grow without bound.
      const page = routes.trackerInRegion(trackerId, regionId);
      charts.push({ page, spec: { ...spec, credit: { page, ...fromBriefings(current) } } });
    }
  }

  for (const list of lists.values()) {
    const rows = byKey.tasksByList.get(list.id) ?? [];
    const page = routes.taskList(list.id);
    const credit: ChartCredit = list.policy
      ? { page, ...fromPolicies([{ policy: list.policy.id }]), sources: [`${bookTitle(list.policy.data.title)} ${list.title}`] }
      : { page, authors: [regionName(list.region)], sources: [list.title] };
    for (const spec of [tasksByMonthChart(list.id, list.title, rows), tasksByGroupChart(list.id, list.title, rows), tasksByLeadUnitChart(list.id, list.title, rows)])
      charts.push({ page, spec: { ...spec, credit } });
  }

  const published = targets.filter((t) => policies.has(t.policy));
  const targetYear = (t: { policy: string }) => String(yearOf(policySortDate(policies.get(t.policy)!.data)));
  const targetById = new Map(published.map((t) => [t.id, t]));
  for (const spec of targetComparisonCharts(published, regionName, targetYear, names)) {
    // The first-level indicator and year, for the indicator page's list of comparisons.
    const target = targetById.get(String(spec.table.rows[0]![0]))!;
    const indicator = target.indicator ? indicators.get(target.indicator)?.parent ?? target.indicator : undefined;
    // A comparison is as of the latest of the policies it compares.
    // A comparison across regions is a figure page of its own, citable and light.
    const page = routes.chart(spec.id);
    const credit = { page, ...fromPolicies(spec.table.rows.map((row) => targetById.get(String(row[0]))!)) };
    charts.push({ page, spec: { ...spec, asOf: credit.published, credit }, year: targetYear(target), ...(indicator ? { indicator } : {}) });
  }
  return charts;
}


/** Every chart of the site, built once per state of the content and shared by all pages. */
export const allCharts = oncePerContent(buildCharts);

const chartsByPage = oncePerContent(async () => groupBy(await allCharts(), (c) => c.page));

export async function chartsOn(page: string): Promise<CreditedChart[]> {
  return ((await chartsByPage()).get(page) ?? []).map((c) => c.spec);
}
