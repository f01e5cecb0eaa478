/**
 * The statistics pages and home page built from the twelve-briefing fixture
 * (test/support/twelve-briefings.ts): a reporter sees where each list stands,
 * how it changed since the previous briefing (with the revised figure), the
 * trend over all twelve briefings and where each figure comes from, without
 * JavaScript; and the pages stay within 100 KB of HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { builtPages, visibleText, type BuiltPage } from '../support/site.ts';
import { TEST_SITE_URL } from '../support/astro-build.ts';
import type { ChartSpec } from '../../src/lib/charts/chart-specs.ts';
import { RATES_AGREE_NOTE } from '../../src/lib/charts/chart-specs.ts';

const siteDir = inject('twelveBriefingsSiteDir');
const pages = builtPages(siteDir);
const page = (url: string): BuiltPage => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page ${url}`);
  return found;
};
const dashboard = page('/statistics/');
const region = page('/statistics/qingshanhu/');
const card = (p: BuiltPage, tracker: string) => p.root.getElementById(`card-qingshanhu-${tracker}`)!;
const text = (node: { textContent: string }) => node.textContent.replace(/\s+/g, ' ');
const KB = 1024;

test('the dashboard has a card per tracked list with the latest figures, the as-of date and a link to the briefing section', () => {
  for (const p of [dashboard, region]) {
    const duibiao = card(p, 'duibiao-tisheng');
    expect(duibiao, p.url).toBeTruthy();
    expect(text(duibiao.querySelector('.tracker-card-figure')!)).toBe('93.5%');
    expect(text(duibiao.querySelector('.tracker-card-parts')!)).toBe('共93项：已完成87，未完成0，长期坚持6');
    expect(duibiao.querySelector('.tracker-card-source time')!.getAttribute('datetime')).toBe('2023-12-31');
    expect(duibiao.querySelector('.tracker-card-source a')!.getAttribute('href')).toBe('/briefings/ceshi-jianbao-2023-12/#事项清单');
    expect(card(p, 'chuangxin-shidian')).toBeTruthy();
  }
});

test('the change since the previous briefing uses the revised November figure, and says so', () => {
  const duibiao = card(dashboard, 'duibiao-tisheng');
  const change = text(duibiao.querySelector('.tracker-card-change')!);
  // 74 was first published for November; the December briefing revised it to 76: 87 − 76 = +11.
  expect(change).toContain('较上期（2023年11月30日）');
  expect(change).toContain('已完成 +11');
  expect(change).not.toContain('+13');
  expect(change).toContain('完成率 +11.8 个百分点');
  const note = text(duibiao.querySelector('.tracker-card-note')!);
  expect(note).toContain('修订值');
  expect(note).toContain('《测试简报 2023年第12期》');
  expect(note).toContain('《测试简报 2023年第11期》');
  expect(card(dashboard, 'chuangxin-shidian').querySelector('.tracker-card-note')).toBeNull();
});

test('each card has a trend line of twelve points with an accessible summary', () => {
  for (const tracker of ['duibiao-tisheng', 'chuangxin-shidian']) {
    const svg = card(dashboard, tracker).querySelector('svg.trend-line')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('data-points')).toBe('12');
    expect(svg.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(12);
    expect(svg.getAttribute('aria-label')).toMatch(/共12期，由[\d.]+%（截至2023年1月31日）到[\d.]+%（截至2023年12月31日）/);
  }
});

test('every card carries a citation of its figure with the briefing and the full address', () => {
  for (const tracker of ['duibiao-tisheng', 'chuangxin-shidian']) {
    const cite = text(card(dashboard, tracker).querySelector('.cite')!);
    expect(cite).toContain('测试办公室. 测试简报 2023年第12期');
    expect(cite).toContain(`${TEST_SITE_URL}briefings/ceshi-jianbao-2023-12/#progress-qingshanhu-2023-12-31-${tracker}`);
    expect(
      page('/briefings/ceshi-jianbao-2023-12/').root.getElementById(`progress-qingshanhu-2023-12-31-${tracker}`),
      'the cited anchor exists',
    ).toBeTruthy();
  }
});

test('the dashboard links each region to its page; with one region reporting, the cards come first, without a summary', () => {
  expect(dashboard.root.querySelector('.statistics-summary')).toBeNull();
  expect(dashboard.root.querySelectorAll('h2')[0]!.textContent).toBe('各地最新进展');
  expect(dashboard.root.querySelector('a[href="/statistics/qingshanhu/"]')).toBeTruthy();
  // 南昌市 published weights only: named after the cards, with a link.
  expect(dashboard.root.querySelector('a[href="/statistics/nanchang/"]')).toBeTruthy();
  // One region with cards: no distribution chart of a single value.
  expect(dashboard.root.querySelector('figure[data-chart]')).toBeNull();
});

test('a region page shows the cards first, then a rate chart and a counts chart per list, then one row per briefing and list', () => {
  const headings = region.root.querySelectorAll('h2').map((h) => h.textContent);
  expect(headings.slice(0, 3)).toEqual(['最新进展', '历次变化', '历次公布的数字']);
  const specs = new Map(
    region.root
      .querySelectorAll('figure[data-chart]')
      .map((f) => [f.id, JSON.parse(f.querySelector('script.chart-spec')!.textContent) as ChartSpec]),
  );
  expect([...specs.keys()].sort()).toEqual([
    'counts-chuangxin-shidian-qingshanhu',
    'counts-duibiao-tisheng-qingshanhu',
    'trend-chuangxin-shidian-qingshanhu',
    'trend-duibiao-tisheng-qingshanhu',
  ]);
  const duibiaoRate = specs.get('trend-duibiao-tisheng-qingshanhu')!;
  expect(duibiaoRate.valueAxis).toEqual({ min: 0, max: 100 });
  expect(duibiaoRate.series).toHaveLength(1);
  expect(duibiaoRate.categoryDates).toHaveLength(12);
  expect(text(region.root.getElementById('trend-duibiao-tisheng-qingshanhu')!)).toContain(RATES_AGREE_NOTE);
  // April's published rate of 创新试点 differs from its counts: both lines stay.
  expect(specs.get('trend-chuangxin-shidian-qingshanhu')!.series).toHaveLength(2);
  expect(specs.get('counts-duibiao-tisheng-qingshanhu')!.kind).toBe('stacked-bar');

  const table = region.root.querySelector('#progress ~ .table-wrap table')!;
  const headers = table.querySelectorAll('thead th').map((th) => th.textContent);
  expect(headers).toEqual([
    '截至',
    '跟踪事项',
    '总数',
    '已完成',
    '正在推进',
    '未完成',
    '长期坚持',
    '公布完成率',
    '计算完成率',
    '出处',
    '说明',
  ]);
  // Twelve months × two lists, and the first publication of November's revised figure.
  const rows = table.querySelectorAll('tbody tr');
  expect(rows).toHaveLength(25);
  const first = region.root.getElementById('figures-qingshanhu-2023-11-30-duibiao-tisheng')!;
  expect(text(first)).toContain('已被后一期简报修订');
  expect(text(region.root.getElementById('figures-qingshanhu-2023-11-30-duibiao-tisheng-gengzheng')!)).toContain(
    '修订了此前公布的同日数字',
  );
});

test('the region page links the downloads of every figure, one per row, and the files exist', () => {
  for (const format of ['csv', 'json']) {
    expect(region.root.querySelector(`a[href="/data/tables/progress.${format}"]`), format).toBeTruthy();
    expect(existsSync(join(siteDir, `data/tables/progress.${format}`)), format).toBe(true);
  }
});

test("the home page shows each list's latest rate with its date and source, linking to the dashboard", () => {
  const home = page('/');
  const figures = home.root.querySelector('.headline-figures')!;
  const items = figures.querySelectorAll('li').map(text);
  expect(items[0]).toContain('对标提升（青山湖区）：完成率 93.5%');
  expect(items[0]).toContain('截至2023年12月31日');
  expect(figures.querySelector('a[href="/briefings/ceshi-jianbao-2023-12/#事项清单"]')).toBeTruthy();
  expect(home.root.querySelector('#headline-figures ~ p a[href="/statistics/"]')).toBeTruthy();
});

test('without JavaScript every figure is in the HTML: cards and tables need no script', () => {
  const body = visibleText(region);
  for (const figure of ['93.5%', '78.6%', '已完成 +11', '2023年12月31日']) expect(body).toContain(figure);
});

test('/statistics/ and the largest region page stay within 100 KB of HTML', () => {
  const regionPages = pages.filter((p) => /^\/statistics\/[^/]+\/$/.test(p.url) && !p.url.startsWith('/statistics/page/'));
  const sizes = [dashboard, ...regionPages].map((p) => ({ url: p.url, kb: readFileSync(join(siteDir, p.file)).length / KB }));
  console.log(sizes.map((s) => `${s.url} ${s.kb.toFixed(1)} KB`).join('\n'));
  for (const s of sizes) expect(s.kb, s.url).toBeLessThanOrEqual(100);
});
