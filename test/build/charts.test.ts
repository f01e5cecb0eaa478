/**
 * Charts, statistics and feeds in the built site: every chart carries its
 * table, source, downloads and citation, and its figures are the source rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import Papa from 'papaparse';
import { builtPages, pageAssets, visibleText, type BuiltPage } from '../support/site.ts';
import { PROJECT_ROOT, TEST_SITE_URL } from '../support/astro-build.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import type { ContentModel } from '../../src/lib/content/content-model.ts';
import type { ChartSpec } from '../../src/lib/charts/chart-specs.ts';
import { formatChineseDate } from '../../src/core/dates.ts';
import { neutraliseFormula } from '../../src/lib/csv-output.ts';
import { routes } from '../../src/lib/routes.ts';

const siteDir = inject('siteDir');
let pages: BuiltPage[];
let model: ContentModel;
let charts: { page: BuiltPage; spec: ChartSpec; figure: BuiltPage['root'] }[];

beforeAll(() => {
  pages = builtPages(siteDir);
  model = validateContent(readContentFiles(join(PROJECT_ROOT, 'content'))).model;
  // Embed pages repeat each chart alone; test/build/press.test.ts covers them.
  charts = pages
    .filter((page) => !page.url.startsWith(routes.embeds()))
    .flatMap((page) =>
      page.root.querySelectorAll('figure[data-chart]').map((figure) => ({
        page,
        figure,
        spec: JSON.parse(figure.querySelector('script.chart-spec')!.textContent) as ChartSpec,
      })),
    );
});

const readCsv = (path: string) => {
  const text = readFileSync(join(siteDir, path), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

test('charts appear on every briefing with figures, every task list, and every tracker', () => {
  const pagesWithCharts = new Set(charts.map((c) => c.page.url));
  for (const briefing of model.briefings.filter((b) => model.progress.some((p) => p.data.briefing === b.id)))
    expect(pagesWithCharts).toContain(`/briefings/${briefing.id}/`);
  for (const list of model.taskLists) expect(pagesWithCharts).toContain(`/tasks/${list.id}/`);
  for (const row of model.progress) expect(pagesWithCharts).toContain(`/trackers/${row.data.tracker}/${row.data.region}/`);
});

test('every chart has a title, unit, source link, data table, CSV and PNG downloads, its own anchor and a citation', () => {
  expect(charts.length).toBeGreaterThan(10);
  const ids = charts.map((c) => c.spec.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const { figure, spec } of charts) {
    expect(figure.id).toBe(spec.id);
    expect(figure.querySelector('.chart-title')?.textContent).toBe(spec.title);
    expect(figure.querySelector('.chart-meta')?.textContent).toContain(`单位：${spec.unit}`);
    expect(figure.querySelector('.chart-meta a')?.getAttribute('href')).toBe(spec.source.href);
    const table = figure.querySelector('details.chart-data table');
    expect(table?.querySelector('caption')).toBeTruthy();
    expect(table?.querySelectorAll('tbody tr')).toHaveLength(spec.table.rows.length);
    expect(figure.querySelector('details.chart-data')?.hasAttribute('open'), 'the table is open until the chart is drawn').toBe(true);
    expect(figure.querySelector(`a[href="/data/charts/${spec.id}.csv"]`)).toBeTruthy();
    expect(figure.querySelector('button.chart-png')).toBeTruthy();
    expect(figure.querySelector('.cite')?.textContent).toContain(`${TEST_SITE_URL.replace(/\/$/, '')}`);
    expect(figure.querySelector('.cite')?.textContent).toContain(`#${spec.id}`);
  }
});

test("each chart's CSV download is exactly its table", () => {
  for (const { spec } of charts)
    expect(readCsv(`data/charts/${spec.id}.csv`)).toEqual(
      [spec.table.headers, ...spec.table.rows].map((row) => row.map(neutraliseFormula)),
    );
});

test('progress charts show exactly the figures of the progress source rows', () => {
  for (const row of model.progress) {
    const chart = charts.find((c) => c.spec.id === `progress-${row.data.briefing}`)!;
    const csvRow = readCsv(`data/charts/${chart.spec.id}.csv`).find((r) => r[0] === row.data.id)!;
    const byHeader = Object.fromEntries(chart.spec.table.headers.map((h, i) => [h, csvRow[i]]));
    const text = (n: number | undefined) => (n === undefined ? '' : String(n));
    expect(byHeader).toMatchObject({
      '总数（项）': text(row.data.total),
      '已完成（项）': text(row.data.completed),
      '正在推进（项）': text(row.data.inProgress),
      '未完成（项）': text(row.data.notCompleted),
      '长期坚持（项）': text(row.data.longTerm),
      '公布完成率（%）': text(row.data.publishedRate),
      '计算完成率（已完成÷总数，%）': (Math.round((row.data.completed / row.data.total) * 1000) / 10).toFixed(1),
      来源简报: row.data.briefing,
      来源简报标题: model.briefings.find((b) => b.id === row.data.briefing)!.data.title,
    });
    // The section's own heading stands beside its anchor.
    expect(byHeader['来源章节标题']).toBe(
      model.briefings
        .find((b) => b.id === row.data.briefing)!
        .headings.find((h) => h.anchor === row.data.section || h.alias === row.data.section)!
        .text.replace(/[：:]$/, ''),
    );
  }
});

test("chart CSVs name every document and section they cite, and target comparisons give each policy's title", () => {
  for (const { spec } of charts) {
    const [headers, ...rows] = readCsv(`data/charts/${spec.id}.csv`);
    for (const [code, name] of [
      ['来源简报', '来源简报标题'],
      ['来源政策', '来源政策标题'],
      ['来源章节', '来源章节标题'],
    ] as const) {
      const at = headers!.indexOf(code);
      if (at < 0) continue;
      expect(headers![at + 1], `${spec.id}: ${code} has its name beside it`).toBe(name);
      for (const row of rows) expect(row[at + 1], `${spec.id} ${row[0]}`).not.toBe('');
    }
    const policyTitle = headers!.indexOf('来源政策标题');
    for (const row of policyTitle < 0 ? [] : rows)
      expect(
        model.policies.map((p) => p.data.title),
        spec.id,
      ).toContain(row[policyTitle]);
  }
});

test('task charts count every task of their list exactly once by month', () => {
  for (const list of model.taskLists) {
    const rows = readCsv(`data/charts/deadlines-${list.id}.csv`).slice(1);
    expect(rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(list.rows.length);
  }
});

describe('the published rate that disagrees with its counts', () => {
  test('is shown with the computed rate and the formula it matches', () => {
    const disagreeing = model.progress.filter(
      (p) => p.data.publishedRate !== undefined && Math.round((p.data.completed / p.data.total) * 1000) / 10 !== p.data.publishedRate,
    );
    expect(disagreeing.length).toBeGreaterThan(0);
    for (const row of disagreeing) {
      const text = visibleText(pages.find((p) => p.url === `/briefings/${row.data.briefing}/`)!);
      expect(text).toContain(`公布的 ${row.data.publishedRate}% 与“（已完成 + 正在推进）÷ 总数”`);
      expect(visibleText(pages.find((p) => p.url === `/statistics/${row.data.region}/`)!)).toContain(`公布的 ${row.data.publishedRate}%`);
    }
  });
});

test('the statistics pages give every region a page, with a card per tracked list and every published figure in a row with its source', () => {
  const hub = pages.find((p) => p.url === '/statistics/')!;
  const regions = new Set([...model.progress, ...model.rankingTiers, ...model.evaluationWeights].map((r) => r.data.region));
  for (const region of regions) expect(hub.root.querySelector(`a[href="/statistics/${region}/"]`), region).toBeTruthy();
  for (const row of model.progress) {
    const page = pages.find((p) => p.url === `/statistics/${row.data.region}/`)!;
    const figures = page.root.getElementById(`figures-${row.data.id}`);
    expect(figures, row.data.id).toBeTruthy();
    expect(figures!.querySelector(`a[href="/briefings/${row.data.briefing}/#${row.data.section}"]`)).toBeTruthy();
    expect(figures!.textContent).toContain(String(row.data.total));
    for (const p of [hub, page])
      expect(p.root.getElementById(`card-${row.data.region}-${row.data.tracker}`), `${p.url} ${row.data.tracker}`).toBeTruthy();
  }
  const rows = (region: string, table: string) =>
    pages.find((p) => p.url === `/statistics/${region}/`)!.root.querySelectorAll(`#${table} + .table-wrap tbody tr`).length;
  expect([...regions].reduce((sum, region) => sum + rows(region, 'tiers'), 0)).toBe(model.rankingTiers.length);
  expect([...regions].reduce((sum, region) => sum + rows(region, 'weights'), 0)).toBe(model.evaluationWeights.length);
});

test('the methodology page defines every tracker and the declared rate', () => {
  const text = visibleText(pages.find((p) => p.url === '/methodology/')!);
  for (const tracker of model.trackers) expect(text).toContain(tracker.data.name);
  expect(text).toContain('完成率 = 已完成 ÷ 总数');
  const rows = pages
    .find((p) => p.url === '/methodology/')!
    .root.querySelectorAll('#weights ~ .table-wrap tbody tr, #weights ~ * .table-wrap tbody tr');
  for (const weight of model.evaluationWeights)
    expect(
      rows.some(
        (row) =>
          row.querySelector('th')?.textContent === weight.data.part &&
          row.textContent.includes(`${weight.data.weight}%`) &&
          row.textContent.includes(weight.data.description),
      ),
      weight.data.id,
    ).toBe(true);
});

test('the Atom feed lists every briefing and every policy', () => {
  const feed = readFileSync(join(siteDir, 'feed.xml'), 'utf8');
  for (const b of model.briefings) expect(feed).toContain(`${TEST_SITE_URL}briefings/${b.id}/`);
  for (const p of model.policies) expect(feed).toContain(`${TEST_SITE_URL}policies/${p.id}/`);
});

test('the sitemap lists every page', () => {
  const sitemap = readFileSync(join(siteDir, 'sitemap.xml'), 'utf8');
  for (const page of pages.filter((p) => p.url !== '/404'))
    expect(sitemap).toContain(`<loc>${new URL(page.url, TEST_SITE_URL).href}</loc>`);
});

test('chart code is only on pages that show a chart', () => {
  for (const page of pages) {
    const hasChart = page.root.querySelectorAll('figure[data-chart]').length > 0;
    // The chart drawing module looks up each figure's data by this class name.
    const code = pageAssets(siteDir, page)
      .filter((path) => path.endsWith('.js'))
      .map((path) => readFileSync(join(siteDir, path), 'utf8'))
      .join('\n');
    expect(code.includes('chart-spec'), page.url).toBe(hasChart);
  }
});

test('documents say when they were last updated, from their own dates', () => {
  for (const b of model.briefings)
    expect(visibleText(pages.find((p) => p.url === `/briefings/${b.id}/`)!)).toContain(`本页内容更新于 ${formatChineseDate(b.data.date)}`);
});
