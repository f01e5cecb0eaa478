/**
 * What each chart shows, as plain data: built from the validated rows, rendered
 * by components/chart-figure.astro, drawn in the browser by client/chart-figures.ts,
 * and offered for download as CSV. The table of a chart is exactly its source
 * rows, so the picture, the table and the download never disagree.
 *
 * Why one file: every builder follows the same conventions for a chart's
 * table, source and notes (cell text, SourceNames, the rate notes), and
 * src/data/charts.ts takes all of them from here.
 */
import { groupBy } from '../catalog.ts';
import { formatChineseDate, formatChineseMonth } from '../../core/dates.ts';
import { checkPublishedRate, describeDisagreement, formatPercent } from '../figures/rates.ts';
import { routes } from '../routes.ts';
import { PROGRESS_PARTS } from '../../core/tracker-counts.ts';
import { rateSpread } from '../figures/tracker-dashboard.ts';
import { splitLeadUnits } from '../tasks/lead-units.ts';
import { rankingTiersTable, UNLISTED_INDICATORS } from '../../schemas/ranking-tiers.ts';
import { progressTable } from '../../schemas/progress.ts';
import { targetsTable } from '../../schemas/targets.ts';
import { columnHeaders } from '../dataset-downloads.ts';
import type { ChartKind, ChartSeries, ChartSpec } from './chart-types.ts';

export type { ChartCredit, ChartSpec, CreditedChart } from './chart-types.ts';

const cell = (value: number | undefined | null) => (value === undefined || value === null ? '' : String(value));

/** Names of the documents and sections rows cite, so tables give names beside codes. */
export interface SourceNames {
  documentTitle: (id: string) => string;
  /** The heading of a section by its anchor: 一、优化政务服务. */
  sectionTitle: (document: string, anchor: string) => string;
}

export interface ProgressRow {
  id: string;
  tracker: string;
  asOf: string;
  total: number;
  completed: number;
  inProgress?: number | undefined;
  notCompleted?: number | undefined;
  longTerm?: number | undefined;
  publishedRate?: number | undefined;
  briefing: string;
  section: string;
}

export { PROGRESS_PARTS };

/**
 * Chart tables print the datasets' own headers, from src/schemas/ as the
 * downloads spell them: units in brackets, codes (编号, 来源简报, 来源章节)
 * beside the names and titles they stand for.
 */
const PROGRESS_HEADERS = [
  ...columnHeaders(progressTable, ['id', 'trackerName', 'asOf', 'total', ...PROGRESS_PARTS.map((p) => p.key), 'publishedRate']),
  '计算完成率（已完成÷总数，%）',
  ...columnHeaders(progressTable, ['briefing', 'briefingTitle', 'section', 'sectionHeading']),
];
const TARGET_HEADERS = columnHeaders(targetsTable, [
  'id',
  'regionName',
  'metric',
  'comparator',
  'value',
  'unit',
  'deadline',
  'policy',
  'policyTitle',
  'section',
  'sectionHeading',
]);
const RANKING_TIER_HEADERS = columnHeaders(rankingTiersTable, [
  'id',
  'tier',
  'count',
  'indicatorsName',
  'publishedOn',
  'publisher',
  'briefing',
  'briefingTitle',
  'section',
  'sectionHeading',
]);

/** A rate the site computed, with the one decimal the page shows (79.0, not 79). */
const rateCell = (value: number | undefined) => (value === undefined ? '' : value.toFixed(1));

function progressTableRow(row: ProgressRow, trackerName: (id: string) => string, names: SourceNames): string[] {
  const check = checkPublishedRate(row, row.publishedRate);
  return [
    row.id,
    trackerName(row.tracker),
    row.asOf,
    cell(row.total),
    cell(row.completed),
    cell(row.inProgress),
    cell(row.notCompleted),
    cell(row.longTerm),
    cell(row.publishedRate),
    rateCell(check.computed),
    row.briefing,
    names.documentTitle(row.briefing),
    row.section,
    names.sectionTitle(row.briefing, row.section),
  ];
}

/**
 * The ids of the charts pages look for, named by what each shows: the spec
 * takes its id from here and the page asks for the same name, never for an
 * id prefix.
 */
export const chartIds = {
  briefingProgress: (briefingId: string) => `progress-${briefingId}`,
  rankingTiers: (briefingId: string) => `ranking-tiers-${briefingId}`,
  latestRateSpread: 'latest-rate-spread',
} as const;

/** One briefing's trackers as stacked bars of their parts, each with its published rate. */
export function briefingProgressChart(input: {
  briefingId: string;
  briefingTitle: string;
  rows: readonly ProgressRow[];
  trackerName: (id: string) => string;
  names: SourceNames;
}): ChartSpec {
  const { briefingId, briefingTitle, rows, trackerName, names } = input;
  const asOfDates = [...new Set(rows.map((r) => r.asOf))];
  const section = rows[0]?.section;
  return {
    id: chartIds.briefingProgress(briefingId),
    title: `${briefingTitle}：各跟踪清单进展`,
    unit: '项',
    asOf: asOfDates.length === 1 ? asOfDates[0] : undefined,
    source: { label: section ? `${briefingTitle}“${section}”` : briefingTitle, href: routes.briefing(briefingId, section) },
    kind: 'stacked-bar',
    categories: rows.map((r) => trackerName(r.tracker)),
    series: PROGRESS_PARTS.map((part) => ({ label: part.label, values: rows.map((r) => r[part.key] ?? null) })),
    categoryNotes: rows.map((r) => {
      const check = checkPublishedRate(r, r.publishedRate);
      return r.publishedRate === undefined
        ? `共${r.total}项`
        : `共${r.total}项，公布完成率${r.publishedRate}%${check.agrees ? '' : `（计算为${formatPercent(check.computed)}）`}`;
    }),
    notes: rows.flatMap((r) => {
      const note = describeDisagreement(checkPublishedRate(r, r.publishedRate));
      return note ? [`${trackerName(r.tracker)}：${note}`] : [];
    }),
    table: { headers: PROGRESS_HEADERS, rows: rows.map((r) => progressTableRow(r, trackerName, names)) },
  };
}

/** The note under a rate chart whose published and computed rates are the same at every date. */
export const RATES_AGREE_NOTE = '计算完成率与公布一致。';

/** True when two series have the same value at every category (both missing counts as the same). */
export function sameSeries(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The rate series of a tracker's history: published and computed, or one line when they are the same. */
function rateSeries(rows: readonly ProgressRow[]): { series: ChartSeries[]; notes: string[] } {
  const published = rows.map((r) => r.publishedRate ?? null);
  const computed = rows.map((r) => checkPublishedRate(r, r.publishedRate).computed ?? null);
  // One line where the two agree: two identical lines would hide each other and crowd out their values.
  if (sameSeries(published, computed)) return { series: [{ label: '完成率', values: published }], notes: [RATES_AGREE_NOTE] };
  return {
    series: [
      { label: '公布完成率', values: published },
      { label: '计算完成率（已完成÷总数）', values: computed, decimals: 1 },
    ],
    notes: [],
  };
}

const ONE_POINT_NOTE = '目前只有一期简报公布了这项数字，图中只有一个点；以后各期公布后逐期增加，不作插值。';

interface TrackerHistoryInput {
  trackerId: string;
  trackerName: string;
  regionId: string;
  regionName: string;
  rows: readonly ProgressRow[];
  briefingTitle: (id: string) => string;
  names: SourceNames;
}

function historySource(rows: readonly ProgressRow[], briefingTitle: (id: string) => string): ChartSpec['source'] {
  const latest = rows.at(-1);
  return latest
    ? { label: `${briefingTitle(latest.briefing)}等各期简报`, href: routes.briefing(latest.briefing, latest.section) }
    : { label: '工作简报', href: routes.briefings() };
}

const byAsOf = (rows: readonly ProgressRow[]) => [...rows].sort((a, b) => a.asOf.localeCompare(b.asOf));

/**
 * The as-of dates a chart over time shows: all of them, or with `recent` the
 * latest `recent` only, and a note saying so (a year of monthly figures stays
 * readable on a phone, and the page's weight does not grow with the years).
 */
function recentRows(rows: readonly ProgressRow[], recent: number | undefined): { shown: ProgressRow[]; notes: string[] } {
  const sorted = byAsOf(rows);
  if (recent === undefined || sorted.length <= recent) return { shown: sorted, notes: [] };
  return { shown: sorted.slice(-recent), notes: [`图中为最近${recent}期（共${sorted.length}期）；全部各期见该清单的跟踪页和数据下载。`] };
}

/**
 * One region's rate of a tracker at each as-of date it was published: points
 * only, nothing in between, on a fixed 0–100% axis. `id` defaults to the
 * tracker page's chart; the statistics page gives its own.
 */
export function trackerRateChart(input: TrackerHistoryInput & { id?: string; compact?: boolean; recent?: number }): ChartSpec {
  const { shown: rows, notes: recentNotes } = recentRows(input.rows, input.recent);
  const { series, notes } = rateSeries(rows);
  const first = rows[0];
  const last = rows.at(-1);
  const rateOf = (r: ProgressRow) =>
    r.publishedRate !== undefined ? `${r.publishedRate}%` : formatPercent(checkPublishedRate(r, undefined).computed);
  return {
    id: input.id ?? `rate-${input.trackerId}-${input.regionId}`,
    title: `${input.regionName}${input.trackerName}：完成率变化`,
    unit: '%',
    asOf: rows.at(-1)?.asOf,
    source: historySource(rows, input.briefingTitle),
    kind: 'line',
    valueAxis: { min: 0, max: 100 },
    categories: rows.map((r) => formatChineseDate(r.asOf)),
    categoryDates: rows.map((r) => r.asOf),
    series,
    notes: [...notes, ...recentNotes, ...(rows.length === 1 ? [ONE_POINT_NOTE] : [])],
    ...(input.compact && first && last
      ? {
          summary: `${input.regionName}${input.trackerName}完成率，共${rows.length}期：由${rateOf(first)}（截至${formatChineseDate(first.asOf)}）到${rateOf(last)}（截至${formatChineseDate(last.asOf)}）。各期数字见数据表。`,
          table: {
            headers: ['截至日期', '公布完成率（%）', '计算完成率（已完成÷总数，%）'],
            rows: rows.map((r) => [r.asOf, cell(r.publishedRate), rateCell(checkPublishedRate(r, r.publishedRate).computed)]),
          },
        }
      : { table: { headers: PROGRESS_HEADERS, rows: rows.map((r) => progressTableRow(r, () => input.trackerName, input.names)) } }),
  };
}

/** One region's counts of a tracker at each as-of date, as stacked bars of the parts (the colours and patterns of a briefing's chart). */
export function trackerCountsChart(input: TrackerHistoryInput & { id: string; recent?: number }): ChartSpec {
  const { shown: rows, notes: recentNotes } = recentRows(input.rows, input.recent);
  const last = rows.at(-1);
  return {
    id: input.id,
    title: `${input.regionName}${input.trackerName}：各期进展数字`,
    unit: '项',
    asOf: rows.at(-1)?.asOf,
    source: historySource(rows, input.briefingTitle),
    kind: 'stacked-bar',
    categories: rows.map((r) => formatChineseDate(r.asOf)),
    categoryDates: rows.map((r) => r.asOf),
    series: PROGRESS_PARTS.map((part) => ({ label: part.label, values: rows.map((r) => r[part.key] ?? null) })),
    notes: [...recentNotes, ...(rows.length === 1 ? [ONE_POINT_NOTE.replace('一个点', '一根柱')] : [])],
    ...(last
      ? {
          summary: `${input.regionName}${input.trackerName}各期进展数字，共${rows.length}期；最新一期（截至${formatChineseDate(last.asOf)}）共${last.total}项，${PROGRESS_PARTS.flatMap(({ key, label }) => (last[key] === undefined ? [] : [`${label}${last[key]}项`])).join('，')}。各期数字见数据表。`,
        }
      : {}),
    // Only the counts: the sources of every row are in the page's table of figures and the chart's credit.
    table: {
      headers: ['截至日期', '总数（项）', ...PROGRESS_PARTS.map((p) => `${p.label}（项）`)],
      rows: rows.map((r) => [r.asOf, cell(r.total), ...PROGRESS_PARTS.map((p) => cell(r[p.key]))]),
    },
  };
}

/**
 * How the latest rates of a tracker spread over the regions that report it:
 * how many regions fall in each band of ten percentage points, one series per
 * tracker. Each region's rate is its latest current figure (see tracker-dashboard.ts).
 */
export function rateSpreadChart(input: {
  id: string;
  trackers: readonly { name: string; rates: readonly number[] }[];
  asOf?: string | undefined;
  source: ChartSpec['source'];
}): ChartSpec {
  const spreads = input.trackers.map((t) => ({ name: t.name, spread: rateSpread(t.rates) }));
  const categories = rateSpread([]).buckets.map((b) => `${b.from}–${b.to}%`);
  return {
    id: input.id,
    title: '各地最新完成率分布',
    unit: '个地区',
    asOf: input.asOf,
    source: input.source,
    kind: 'bar',
    categories,
    series: spreads.map(({ name, spread }) => ({ label: name, values: spread.buckets.map((b) => b.count) })),
    notes: ['每个地区按其最新一期公布的完成率（未公布的按已完成÷总数计算）计入所在区间；100% 计入 90–100% 区间。'],
    table: {
      headers: ['完成率区间', ...spreads.map(({ name }) => `${name}（个地区）`)],
      rows: categories.map((category, i) => [category, ...spreads.map(({ spread }) => String(spread.buckets[i]!.count))]),
    },
  };
}

export interface TaskRow {
  number: number;
  deadline?: string | undefined;
  leadUnit?: string | undefined;
  indicatorName?: string | undefined;
  action?: string | undefined;
}

function countChart(input: {
  id: string;
  title: string;
  kind: ChartKind;
  counts: Map<string, number>;
  categoryHeader: string;
  source: ChartSpec['source'];
  notes?: string[];
}): ChartSpec {
  const categories = [...input.counts.keys()];
  return {
    id: input.id,
    title: input.title,
    unit: '项',
    source: input.source,
    kind: input.kind,
    categories,
    series: [{ label: '任务数', values: categories.map((c) => input.counts.get(c)!) }],
    notes: input.notes ?? [],
    table: { headers: [input.categoryHeader, '任务数（项）'], rows: categories.map((c) => [c, String(input.counts.get(c))]) },
  };
}

const NOT_GIVEN = '原文未写明';

/** Tasks of one list by the month of their deadline, in calendar order. */
export function tasksByMonthChart(listId: string, listTitle: string, rows: readonly TaskRow[]): ChartSpec {
  const months = [...new Set(rows.map((r) => r.deadline?.slice(0, 7)).filter((m): m is string => !!m))].sort();
  const counts = new Map(months.map((m) => [formatChineseMonth(`${m}-01`), rows.filter((r) => r.deadline?.startsWith(m)).length]));
  const undated = rows.filter((r) => !r.deadline).length;
  if (undated > 0) counts.set(NOT_GIVEN, undated);
  return countChart({
    id: `deadlines-${listId}`,
    title: `${listTitle}：按完成时限月份统计`,
    kind: 'bar',
    counts,
    categoryHeader: '完成时限所在月份',
    source: { label: listTitle, href: routes.taskList(listId) },
  });
}

/** Tasks of one list by indicator (or by special action, for lists without indicators), in list order. */
export function tasksByGroupChart(listId: string, listTitle: string, rows: readonly TaskRow[]): ChartSpec {
  const byIndicator = rows.some((r) => r.indicatorName);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = (byIndicator ? row.indicatorName : row.action) ?? NOT_GIVEN;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return countChart({
    id: `${byIndicator ? 'indicators' : 'actions'}-${listId}`,
    title: `${listTitle}：按${byIndicator ? '指标' : '专项行动'}统计`,
    kind: 'horizontal-bar',
    counts,
    categoryHeader: byIndicator ? '指标名称' : '专项行动',
    source: { label: listTitle, href: routes.taskList(listId) },
  });
}

/** Splits a 牵头单位 cell naming several units: 区发改委、区住建局 → two units. */
export function leadUnits(cellText: string | undefined): string[] {
  const units = splitLeadUnits(cellText);
  return units.length > 0 ? units : [NOT_GIVEN];
}

/** Tasks of one list by lead unit, most first. A task with two lead units counts for each. */
export function tasksByLeadUnitChart(listId: string, listTitle: string, rows: readonly TaskRow[]): ChartSpec {
  const counts = new Map<string, number>();
  for (const row of rows) for (const unit of leadUnits(row.leadUnit)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  const sorted = new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')));
  const shared = rows.filter((r) => leadUnits(r.leadUnit).length > 1).length;
  return countChart({
    id: `lead-units-${listId}`,
    title: `${listTitle}：按牵头单位统计`,
    kind: 'horizontal-bar',
    counts: sorted,
    categoryHeader: '牵头单位',
    source: { label: listTitle, href: routes.taskList(listId) },
    notes: shared > 0 ? [`有 ${shared} 项任务由两个及以上单位共同牵头，在每个牵头单位下各计一次，因此各单位合计多于任务总数。`] : [],
  });
}

export interface TargetRow {
  id: string;
  region: string;
  metric: string;
  comparator: string;
  value: number;
  unit: string;
  deadline?: string | undefined;
  policy: string;
  section: string;
}

/** Rows in one comparison chart at most: beyond that a chart is unreadable and its page too heavy. */
export const COMPARISON_ROWS = 40;

/**
 * The same target set by different regions for the same year, side by side:
 * one chart per metric, unit and year, so a chart compares like with like and
 * stays readable however many years the site holds. Regions are in name
 * order; more than COMPARISON_ROWS rows are split into numbered groups.
 */
export function targetComparisonCharts<T extends TargetRow>(
  targets: readonly T[],
  regionName: (id: string) => string,
  yearOf: (target: T) => string,
  names: SourceNames,
): { spec: ChartSpec; targets: T[] }[] {
  const byMetric = groupBy(targets, (t) => `${t.metric}\u0000${t.unit}\u0000${yearOf(t)}`);
  return [...byMetric.values()]
    .filter((rows) => new Set(rows.map((r) => r.region)).size >= 2)
    .flatMap((all) => {
      const sorted = [...all].sort((a, b) => regionName(a.region).localeCompare(regionName(b.region), 'zh-CN') || a.id.localeCompare(b.id));
      const groups = Math.ceil(sorted.length / COMPARISON_ROWS);
      return Array.from({ length: groups }, (_, g) => sorted.slice(g * COMPARISON_ROWS, (g + 1) * COMPARISON_ROWS)).map((rows, g) => {
        const first = rows[0]!;
        const spec: ChartSpec = {
          id: `targets-${rows.map((r) => r.id).sort()[0]}`,
          title: `${first.metric}：各地${yearOf(first)}年目标对比${groups > 1 ? `（第${g + 1}组，共${groups}组）` : ''}`,
          unit: first.unit,
          source: { label: '各地政策文件（见数据表“来源政策标题”列）', href: routes.policy(first.policy, first.section) },
          kind: 'bar' as const,
          categories: rows.map((r) => regionName(r.region)),
          series: [{ label: '目标值', values: rows.map((r) => r.value) }],
          categoryNotes: rows.map(
            (r) => `${r.comparator} ${r.value} ${r.unit}${r.deadline ? `（${formatChineseDate(r.deadline)}前）` : ''}`,
          ),
          notes: ['图中柱高为目标数值；“≥”表示不低于、“≤”表示不高于，方向以各柱旁的标注为准。'],
          table: {
            headers: TARGET_HEADERS,
            rows: rows.map((r) => [
              r.id,
              regionName(r.region),
              r.metric,
              r.comparator,
              String(r.value),
              r.unit,
              r.deadline ?? '',
              r.policy,
              names.documentTitle(r.policy),
              r.section,
              names.sectionTitle(r.policy, r.section),
            ]),
          },
        };
        // The compared targets travel with the chart, so its credit and page need not read them back out of the table.
        return { spec, targets: rows };
      });
    });
}

export interface RankingTierRow {
  id: string;
  publishedOn: string;
  publisher: string;
  document?: string | undefined;
  tier: string;
  count: number;
  indicators: string[];
  briefing: string;
  section: string;
}

/** Indicator ranking tiers as a briefing published them: how many indicators in each tier. */
export function rankingTiersChart(
  briefingId: string,
  rows: readonly RankingTierRow[],
  indicatorName: (id: string) => string,
  names: SourceNames,
): ChartSpec {
  const first = rows[0];
  return {
    id: chartIds.rankingTiers(briefingId),
    title: `${first?.publisher ?? ''}${first?.document ? `《${first.document}》` : '通报'}：指标排名档次`,
    unit: '个指标',
    asOf: first?.publishedOn,
    source: { label: '工作简报原文', href: routes.briefing(briefingId, first?.section) },
    kind: 'bar',
    categories: rows.map((r) => r.tier),
    series: [{ label: '指标数', values: rows.map((r) => r.count) }],
    categoryNotes: rows.map((r) => (r.indicators.length > 0 ? r.indicators.map(indicatorName).join('、') : UNLISTED_INDICATORS)),
    notes: [],
    table: {
      headers: RANKING_TIER_HEADERS,
      rows: rows.map((r) => [
        r.id,
        r.tier,
        String(r.count),
        r.indicators.map(indicatorName).join('、'),
        r.publishedOn,
        r.publisher,
        r.briefing,
        names.documentTitle(r.briefing),
        r.section,
        names.sectionTitle(r.briefing, r.section),
      ]),
    },
  };
}
