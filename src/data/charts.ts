/**
 * Every chart on the site, built once from the validated content and keyed by
 * the page it appears on. Pages and the CSV download endpoint both read from
 * here, so a chart's download is always the table shown under it.
 */
import { grouped, lookup, tableRows, taskListCatalog } from './site-content.ts';
import { groupBy } from '../lib/catalog.ts';
import { yearOf } from '../core/dates.ts';
import { policySortDate } from '../schemas/policies.ts';
import { oncePerContent } from '../loaders/content-files.ts';
import {
  briefingProgressChart,
  chartIds,
  rankingTiersChart,
  targetComparisonCharts,
  tasksByGroupChart,
  tasksByLeadUnitChart,
  rateSpreadChart,
  tasksByMonthChart,
  trackerCountsChart,
  trackerRateChart,
  type ChartCredit,
  type CreditedChart,
} from '../lib/charts/chart-specs.ts';
import { bookTitle } from '../lib/citation.ts';
import { routes } from '../lib/routes.ts';
import { sectionTitles } from './section-titles.ts';
import { statisticsRegions } from './statistics.ts';
import { shownRate } from '../lib/figures/tracker-dashboard.ts';

/** As-of dates the statistics page's charts and table show: a year of monthly briefings; tracker pages and downloads have them all. */
export const STATISTICS_RECENT_DATES = 12;

export interface PlacedChart {
  spec: CreditedChart;
  /** The page the chart appears on, e.g. /briefings/x/. */
  page: string;
  /** For comparisons of targets: the first-level indicator they belong to, and the year compared. */
  indicator?: string;
  year?: string;
}

async function buildCharts(): Promise<PlacedChart[]> {
  const [{ trackers, indicators, policies, briefings, indicatorName, regionName, trackerName }, byKey, targets, lists, sectionTitle] =
    await Promise.all([lookup(), grouped(), tableRows('targets'), taskListCatalog(), sectionTitles()]);
  const briefingTitle = (id: string) => briefings.get(id)?.data.title ?? id;
  const charts: PlacedChart[] = [];
  const unique = (values: string[]) => [...new Set(values)];
  const names = { documentTitle: (id: string) => policies.get(id)?.data.title ?? briefingTitle(id), sectionTitle };
  /** The credit of figures taken from briefing sections: their issuers, the latest date, each briefing and section. */
  const fromBriefings = (rows: readonly { briefing: string; section: string }[]): Omit<ChartCredit, 'page'> => {
    const cited = rows.map((r) => ({ briefing: briefings.get(r.briefing)!, section: r.section }));
    return {
      authors: unique(cited.map((c) => c.briefing.data.issuer)),
      published: cited
        .map((c) => c.briefing.data.date)
        .sort()
        .at(-1),
      sources: unique(cited.map((c) => `${bookTitle(c.briefing.data.title)} ${sectionTitle(c.briefing.id, c.section)}`)),
    };
  };
  const fromPolicies = (rows: readonly { policy: string; section?: string }[]): Omit<ChartCredit, 'page'> => {
    const cited = rows.map((r) => ({ policy: policies.get(r.policy)!, section: r.section }));
    return {
      authors: unique(cited.flatMap((c) => c.policy.data.issuer)),
      published: cited
        .map((c) => policySortDate(c.policy.data))
        .sort()
        .at(-1),
      sources: unique(cited.map((c) => `${bookTitle(c.policy.data.title)}${c.section ? ` ${sectionTitle(c.policy.id, c.section)}` : ''}`)),
    };
  };

  for (const briefing of briefings.values()) {
    const rows = byKey.progressByBriefing.get(briefing.id) ?? [];
    const page = routes.briefing(briefing.id);
    if (rows.length > 0)
      charts.push({
        page,
        spec: {
          ...briefingProgressChart({ briefingId: briefing.id, briefingTitle: briefing.data.title, rows, trackerName, names }),
          credit: { page, ...fromBriefings(rows) },
        },
      });
    const briefingTiers = byKey.tiersByBriefing.get(briefing.id) ?? [];
    if (briefingTiers.length > 0)
      charts.push({
        page,
        spec: { ...rankingTiersChart(briefing.id, briefingTiers, indicatorName, names), credit: { page, ...fromBriefings(briefingTiers) } },
      });
  }

  for (const [trackerId, rows] of byKey.progressByTracker) {
    const tracker = trackers.get(trackerId);
    if (!tracker) continue;
    for (const [regionId, regionRows] of groupBy(rows, (p) => p.region)) {
      // The figures in force: a figure a later briefing revised gives way to its revision.
      const current = regionRows.filter((r) => !byKey.revisions.get(r.id)?.revisedBy).sort((a, b) => a.asOf.localeCompare(b.asOf));
      const history = {
        trackerId,
        trackerName: tracker.name,
        regionId,
        regionName: regionName(regionId),
        rows: current,
        briefingTitle,
        names,
      };
      // Each region's history of a tracker has its own page: one page for all regions would grow without bound.
      const page = routes.trackerInRegion(trackerId, regionId);
      const cited = fromBriefings(current);
      charts.push({ page, spec: { ...trackerRateChart(history), credit: { page, ...cited } } });
      // The region's statistics page shows each tracker over time: the rate as a line, the counts as stacked bars.
      const statistics = routes.regionStatistics(regionId);
      // Many briefings are named as a range: each row's own source is in the page's table of figures.
      const sources =
        cited.sources.length > 3
          ? [
              `${cited.sources[0]}至${cited.sources.at(-1)}等${cited.sources.length}处（各期出处见数据表下方的“历次公布的数字”和该清单的跟踪页）`,
            ]
          : cited.sources;
      const credit = { page: statistics, ...cited, sources };
      charts.push({
        page: statistics,
        spec: {
          ...trackerRateChart({
            ...history,
            id: statisticsChartIds(trackerId, regionId).rate,
            compact: true,
            recent: STATISTICS_RECENT_DATES,
          }),
          credit,
        },
      });
      charts.push({
        page: statistics,
        spec: {
          ...trackerCountsChart({ ...history, id: statisticsChartIds(trackerId, regionId).counts, recent: STATISTICS_RECENT_DATES }),
          credit,
        },
      });
    }
  }

  for (const list of lists.values()) {
    const rows = byKey.tasksByList.get(list.id) ?? [];
    const page = routes.taskList(list.id);
    const credit: ChartCredit = list.policy
      ? { page, ...fromPolicies([{ policy: list.policy.id }]), sources: [`${bookTitle(list.policy.data.title)} ${list.title}`] }
      : { page, authors: [regionName(list.region)], sources: [list.title] };
    for (const spec of [
      tasksByMonthChart(list.id, list.title, rows),
      tasksByGroupChart(list.id, list.title, rows),
      tasksByLeadUnitChart(list.id, list.title, rows),
    ])
      charts.push({ page, spec: { ...spec, credit } });
  }

  const published = targets.filter((t) => policies.has(t.policy));
  const targetYear = (t: { policy: string }) => String(yearOf(policySortDate(policies.get(t.policy)!.data)));
  for (const { spec, targets: compared } of targetComparisonCharts(published, regionName, targetYear, names)) {
    // The first-level indicator and year, for the indicator page's list of comparisons.
    const target = compared[0]!;
    const indicator = target.indicator ? (indicators.get(target.indicator)?.parent ?? target.indicator) : undefined;
    // A comparison is as of the latest of the policies it compares.
    // A comparison across regions is a figure page of its own, citable and light.
    const page = routes.chart(spec.id);
    const credit = { page, ...fromPolicies(compared) };
    charts.push({ page, spec: { ...spec, asOf: credit.published, credit }, year: targetYear(target), ...(indicator ? { indicator } : {}) });
  }

  // The dashboard's summary: how the latest rates spread over the regions reporting each list.
  // A distribution is worth drawing from a few regions on; with fewer the summary states the range in words, and there is no chart to embed.
  const reportingRegions = (await statisticsRegions()).filter((r) => r.cards.length > 0);
  const cards = reportingRegions.flatMap((r) => r.cards);
  if (reportingRegions.length >= SPREAD_CHART_MIN_REGIONS) {
    const page = routes.statistics();
    const latest = cards.map((c) => c.latest);
    const spec = rateSpreadChart({
      id: chartIds.latestRateSpread,
      trackers: [...groupBy(cards, (c) => c.tracker)].map(([id, ofTracker]) => ({
        name: trackerName(id),
        rates: ofTracker.flatMap((c) => shownRate(c.latest).rate ?? []),
      })),
      asOf: latest
        .map((r) => r.asOf)
        .sort()
        .at(-1),
      source: { label: '各地最新一期工作简报（出处见各卡片）', href: routes.statistics('cards') },
    });
    const credit = fromBriefings(latest);
    // Each card names its own source; listing every briefing and office here would outweigh the chart (a citation names three and 等).
    const many = credit.sources.length > 3;
    charts.push({
      page,
      spec: {
        ...spec,
        credit: {
          page,
          ...credit,
          authors: credit.authors.slice(0, 4),
          sources: many ? [`各地最新一期工作简报，共${credit.sources.length}期（出处见各卡片）`] : credit.sources,
        },
      },
    });
  }
  return charts;
}

/** How many regions must report a tracked list before the dashboard draws the spread of their latest rates. */
export const SPREAD_CHART_MIN_REGIONS = 3;

/** The ids of a tracker's two charts on its region's statistics page (the tracker page has its own rate chart). */
export const statisticsChartIds = (trackerId: string, regionId: string) => ({
  rate: `trend-${trackerId}-${regionId}`,
  counts: `counts-${trackerId}-${regionId}`,
});

/** Every chart of the site, built once per state of the content and shared by all pages. */
export const allCharts = oncePerContent(buildCharts);

const chartsByPage = oncePerContent(async () => groupBy(await allCharts(), (c) => c.page));

export async function chartsOn(page: string): Promise<CreditedChart[]> {
  return ((await chartsByPage()).get(page) ?? []).map((c) => c.spec);
}
