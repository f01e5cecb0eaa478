/**
 * Every chart on the site, built once from the validated content and keyed by
 * the page it appears on. Pages and the CSV download endpoint both read from
 * here, so a chart's download is always the table shown under it.
 */
import { lookup, publishedBriefings, publishedProgress, tableRows, taskListCatalog } from './site-content.ts';
import { currentSnapshots } from '../lib/revisions.ts';
import { oncePerContent } from '../loaders/content-files.ts';
import {
  briefingProgressChart, rankingTiersChart, targetComparisonCharts, tasksByGroupChart, tasksByLeadUnitChart,
  tasksByMonthChart, trackerRateChart, type ChartSpec,
} from '../lib/chart-specs.ts';

export interface PlacedChart {
  spec: ChartSpec;
  /** The page the chart appears on, e.g. /briefings/x/. */
  page: string;
}

async function buildCharts(): Promise<PlacedChart[]> {
  const [{ trackers, indicatorName, regionName }, briefings, progress, tiers, tasks, targets, lists, indicators] = await Promise.all([
    lookup(), publishedBriefings(), publishedProgress(), tableRows('rankingTiers'), tableRows('tasks'), tableRows('targets'),
    taskListCatalog(), tableRows('indicators'),
  ]);
  const trackerName = (id: string) => trackers.get(id)?.name ?? id;
  const briefingTitle = (id: string) => briefings.find((b) => b.id === id)?.data.title ?? id;
  const charts: PlacedChart[] = [];

  for (const briefing of briefings) {
    const rows = progress.filter((p) => p.briefing === briefing.id);
    const page = `/briefings/${briefing.id}/`;
    if (rows.length > 0) charts.push({ page, spec: briefingProgressChart({ briefingId: briefing.id, briefingTitle: briefing.data.title, rows, trackerName }) });
    const briefingTiers = tiers.filter((t) => t.briefing === briefing.id);
    if (briefingTiers.length > 0) charts.push({ page, spec: rankingTiersChart(briefing.id, briefingTiers, indicatorName) });
  }

  for (const tracker of trackers.values()) {
    const rows = currentSnapshots(progress.filter((p) => p.tracker === tracker.id));
    if (rows.length > 0)
      charts.push({ page: `/trackers/${tracker.id}/`, spec: trackerRateChart({ trackerId: tracker.id, trackerName: tracker.name, rows, briefingTitle }) });
  }

  for (const list of lists.values()) {
    const rows = tasks.filter((t) => t.list === list.id);
    const page = `/tasks/${list.id}/`;
    charts.push({ page, spec: tasksByMonthChart(list.id, list.title, rows) });
    charts.push({ page, spec: tasksByGroupChart(list.id, list.title, rows) });
    charts.push({ page, spec: tasksByLeadUnitChart(list.id, list.title, rows) });
  }

  const topLevel = (id: string | undefined) => (id ? indicators.find((i) => i.id === id)?.parent ?? id : undefined);
  for (const spec of targetComparisonCharts(targets, regionName)) {
    const target = targets.find((t) => spec.table.rows[0]![0] === t.id)!;
    charts.push({ page: target.indicator ? `/indicators/${topLevel(target.indicator)}/` : '/statistics/', spec });
  }
  return charts;
}

/** Every chart of the site, built once per state of the content and shared by all pages. */
export const allCharts = oncePerContent(buildCharts);

export async function chartsOn(page: string): Promise<ChartSpec[]> {
  return (await allCharts()).filter((c) => c.page === page).map((c) => c.spec);
}
