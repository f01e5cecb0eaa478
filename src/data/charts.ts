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
  tasksByMonthChart, trackerRateChart, type ChartSpec,
} from '../lib/charts/chart-specs.ts';
import { routes } from '../lib/routes.ts';

export interface PlacedChart {
  spec: ChartSpec;
  /** The page the chart appears on, e.g. /briefings/x/. */
  page: string;
  /** For comparisons of targets: the first-level indicator they belong to, and the year compared. */
  indicator?: string;
  year?: string;
}

async function buildCharts(): Promise<PlacedChart[]> {
  const [{ trackers, indicators, policies, briefings, indicatorName, regionName }, byKey, targets, lists] = await Promise.all([
    lookup(), grouped(), tableRows('targets'), taskListCatalog(),
  ]);
  const trackerName = (id: string) => trackers.get(id)?.name ?? id;
  const briefingTitle = (id: string) => briefings.get(id)?.data.title ?? id;
  const charts: PlacedChart[] = [];

  for (const briefing of briefings.values()) {
    const rows = byKey.progressByBriefing.get(briefing.id) ?? [];
    const page = routes.briefing(briefing.id);
    if (rows.length > 0) charts.push({ page, spec: briefingProgressChart({ briefingId: briefing.id, briefingTitle: briefing.data.title, rows, trackerName }) });
    const briefingTiers = byKey.tiersByBriefing.get(briefing.id) ?? [];
    if (briefingTiers.length > 0) charts.push({ page, spec: rankingTiersChart(briefing.id, briefingTiers, indicatorName) });
  }

  for (const [trackerId, rows] of byKey.progressByTracker) {
    const tracker = trackers.get(trackerId);
    if (!tracker) continue;
    for (const [regionId, regionRows] of groupBy(rows, (p) => p.region)) {
      const spec = trackerRateChart({ trackerId, trackerName: tracker.name, regionId, regionName: regionName(regionId), rows: currentSnapshots(regionRows), briefingTitle });
      charts.push({ page: routes.trackerInRegion(trackerId, regionId), spec });
    }
  }

  for (const list of lists.values()) {
    const rows = byKey.tasksByList.get(list.id) ?? [];
    const page = routes.taskList(list.id);
    charts.push({ page, spec: tasksByMonthChart(list.id, list.title, rows) });
    charts.push({ page, spec: tasksByGroupChart(list.id, list.title, rows) });
    charts.push({ page, spec: tasksByLeadUnitChart(list.id, list.title, rows) });
  }

  const published = targets.filter((t) => policies.has(t.policy));
  const targetYear = (t: { policy: string }) => String(yearOf(policySortDate(policies.get(t.policy)!.data)));
  const targetById = new Map(published.map((t) => [t.id, t]));
  for (const spec of targetComparisonCharts(published, regionName, targetYear)) {
    // The first-level indicator and year, for the indicator page's list of comparisons.
    const target = targetById.get(String(spec.table.rows[0]![0]))!;
    const indicator = target.indicator ? indicators.get(target.indicator)?.parent ?? target.indicator : undefined;
    charts.push({ page: routes.chart(spec.id), spec, year: targetYear(target), ...(indicator ? { indicator } : {}) });
  }
  return charts;
}

/** Every chart of the site, built once per state of the content and shared by all pages. */
export const allCharts = oncePerContent(buildCharts);

const chartsByPage = oncePerContent(async () => groupBy(await allCharts(), (c) => c.page));

export async function chartsOn(page: string): Promise<ChartSpec[]> {
  return ((await chartsByPage()).get(page) ?? []).map((c) => c.spec);
}
