/**
 * In a real browser: every chart canvas is actually drawn, without console
 * errors or failed requests; its text never overprints other text at phone
 * and desktop widths or in 大字, and every value is on the chart or named
 * beside it, on the real site and on the twelve-briefing fixture's statistics
 * page (rates and counts over a year); dates over time are short on phones; the image downloads stand alone; citations copy with the full
 * address and today's date; embed pages work inside another site's iframe.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages } from '../support/site.ts';
import { browserOnBuiltSite, chartsDrawn } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';
import { TEST_SITE_URL } from '../support/astro-build.ts';
import { formatChartValue, type CreditedChart } from '../../src/lib/charts/chart-types.ts';
import { localIsoDate } from '../../src/lib/citation.ts';
import { embedSnippet } from '../../src/lib/embed.ts';
import { SITE_NAME } from '../../src/lib/site.ts';
import { routes } from '../../src/lib/routes.ts';

const siteDir = inject('siteDir');
const pages = builtPages(siteDir);
const chartPages = pages
  .filter((p) => p.root.querySelectorAll('figure[data-chart] canvas').length > 0 && !p.url.startsWith(routes.embeds()))
  .map((p) => p.url);
const specs = new Map(
  pages.flatMap((p) =>
    p.root
      .querySelectorAll('figure[data-chart]')
      .map((f) => [f.id, JSON.parse(f.querySelector('script.chart-spec')!.textContent) as CreditedChart] as const),
  ),
);
const briefing = chartPages.find((url) => url.startsWith('/briefings/'))!;
const site = browserOnBuiltSite();
// The twelve-briefing fixture: a year of monthly figures for one region, drawn as rates and counts over time.
const twelveDir = inject('twelveBriefingsSiteDir');
const twelvePages = builtPages(twelveDir);
for (const p of twelvePages)
  for (const f of p.root.querySelectorAll('figure[data-chart]'))
    specs.set(f.id, JSON.parse(f.querySelector('script.chart-spec')!.textContent) as CreditedChart);
const TWELVE = '/statistics/qingshanhu/';
let twelve: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  twelve = await serveStatic(twelveDir);
});
afterAll(async () => {
  await twelve?.close();
});

interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Records every piece of text drawn on any canvas with its box on the canvas,
 * so tests read what was actually drawn. A full clear starts the record anew.
 */
function recordCanvasText(): void {
  type Recorded = HTMLCanvasElement & { drawnText?: TextBox[] };
  const fill = CanvasRenderingContext2D.prototype.fillText;
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  const exports: Record<string, string[]> = {};
  (window as unknown as { exportedText: typeof exports }).exportedText = exports;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
    const canvas = this.canvas as Recorded;
    const m = this.measureText(String(text));
    const t = this.getTransform();
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
      [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([px, py]) => [t.a * px! + t.c * py! + t.e, t.b * px! + t.d * py! + t.f]);
    (canvas.drawnText ??= []).push({
      text: String(text),
      left: Math.min(corners[0]![0]!, corners[1]![0]!),
      right: Math.max(corners[0]![0]!, corners[1]![0]!),
      top: Math.min(corners[0]![1]!, corners[1]![1]!),
      bottom: Math.max(corners[0]![1]!, corners[1]![1]!),
    });
    if (canvas.dataset.exportOf) (exports[canvas.dataset.exportOf] ??= []).push(String(text));
    return fill.call(this, text, x, y, maxWidth);
  };
  CanvasRenderingContext2D.prototype.clearRect = function (x, y, w, h) {
    const canvas = this.canvas as Recorded;
    if (x <= 0 && y <= 0 && w >= canvas.width && h >= canvas.height) canvas.drawnText = [];
    return clear.call(this, x, y, w, h);
  };
}

async function openCharts(url: string, width: number, largeText = false, origin = site.url): Promise<{ page: Page; problems: string[] }> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.addInitScript(recordCanvasText);
  if (largeText) await page.addInitScript(() => localStorage.setItem('display.largeText', '1'));
  await page.goto(`${origin}${url}`, { waitUntil: 'load' });
  await chartsDrawn(page);
  return { page, problems };
}

test('there are chart pages to check', () => {
  expect(chartPages.length).toBeGreaterThan(3);
});

test.each(chartPages)('%s draws every chart', async (url) => {
  const { page, problems } = await openCharts(url, 1024);
  const figures = await page.$$eval('figure[data-chart]', (nodes) =>
    nodes.map((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      // Count pixels that are neither transparent nor the white background.
      let inked = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked++;
      return {
        id: figure.id,
        inked,
        width: canvas.width,
        tableOpen: figure.querySelector('details')!.open,
        pngButtonVisible: !(figure.querySelector('button.chart-png') as HTMLButtonElement).hidden,
      };
    }),
  );
  for (const figure of figures) {
    expect(figure.width, figure.id).toBeGreaterThan(100);
    expect(figure.inked, `${figure.id} has ink on its canvas`).toBeGreaterThan(500);
    expect(figure.tableOpen, figure.id).toBe(false);
    expect(figure.pngButtonVisible, figure.id).toBe(true);
  }
  expect(problems).toEqual([]);
  await page.close();
});

const layouts = [
  ...chartPages.flatMap((url) => [
    { url, width: 390, large: false, fixture: false },
    { url, width: 1280, large: false, fixture: false },
    { url, width: 320, large: true, fixture: false },
  ]),
  // Twelve dates side by side: every width from the smallest phone to a desktop, and 大字 at both ends.
  ...[320, 390, 768, 1280].map((width) => ({ url: TWELVE, width, large: false, fixture: true })),
  ...[320, 1280].map((width) => ({ url: TWELVE, width, large: true, fixture: true })),
];

test.each(layouts)(
  '$url at $width px (大字: $large, twelve briefings: $fixture): no text overprints other text, and every value is shown',
  async ({ url, width, large, fixture }) => {
    const { page, problems } = await openCharts(url, width, large, fixture ? twelve.url : site.url);
    const drawn = await page.$$eval('figure[data-chart]', (nodes) =>
      nodes.map((figure) => ({
        id: figure.id,
        texts: (figure.querySelector('canvas') as HTMLCanvasElement & { drawnText?: TextBox[] }).drawnText ?? [],
        unplaced: figure.querySelector('.chart-unplaced')!.textContent ?? '',
        canvasWidth: figure.querySelector('canvas')!.getBoundingClientRect().width,
      })),
    );
    for (const { id, texts, unplaced, canvasWidth } of drawn) {
      expect(canvasWidth, `${id} fits the screen`).toBeLessThanOrEqual(width);
      for (const t of texts)
        expect(t.left >= -1 && t.right <= canvasWidth + 1, `${id}: "${t.text}" is cut off at the canvas edge`).toBe(true);
      for (const [i, a] of texts.entries())
        for (const b of texts.slice(i + 1)) {
          const overlap =
            Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          expect(overlap, `${id}: "${a.text}" overprints "${b.text}"`).toBe(false);
        }
      const spec = specs.get(id)!;
      const shown = texts.map((t) => t.text);
      spec.series.forEach((series) =>
        series.values.forEach((value, i) => {
          if (value === null || value === 0) return;
          const label = formatChartValue(spec, series, value);
          const onChart = shown.includes(label);
          const named = unplaced.includes(`${spec.categories[i]}`) && unplaced.includes(label);
          expect(onChart || named, `${id}: ${series.label} ${spec.categories[i]} = ${label} is shown`).toBe(true);
        }),
      );
    }
    if (large) {
      // 大字 enlarges chart text too: the smallest drawn text is taller than at the normal size.
      const heights = drawn.flatMap((d) => d.texts.map((t) => t.bottom - t.top)).filter((h) => h > 0);
      expect(Math.max(...heights)).toBeGreaterThan(14);
    }
    expect(problems).toEqual([]);
    await page.close();
  },
);

test.each([320, 390])('at %i px, dates over time are short (7/31) with the year once, never more than two lines', async (width) => {
  const { page } = await openCharts(TWELVE, width, false, twelve.url);
  const charts = await page.$$eval('figure[data-chart]', (nodes) =>
    nodes.map((figure) => ({
      id: figure.id,
      texts: ((figure.querySelector('canvas') as HTMLCanvasElement & { drawnText?: TextBox[] }).drawnText ?? []).map((t) => t.text),
    })),
  );
  expect(charts).toHaveLength(4);
  for (const { id, texts } of charts) {
    expect(
      texts.filter((t) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)),
      `${id}: no full dates on a phone`,
    ).toEqual([]);
    expect(
      texts.filter((t) => t === '2023年'),
      `${id}: the year once`,
    ).toHaveLength(1);
    expect(
      texts.some((t) => /^\d{1,2}\/\d{1,2}$/.test(t)),
      `${id}: short dates`,
    ).toBe(true);
  }
  await page.close();
});

test('a rate axis runs from 0 to 100%, whatever the figures', async () => {
  const { page } = await openCharts(TWELVE, 1280, false, twelve.url);
  const ticks = await page.$eval('[id="trend-duibiao-tisheng-qingshanhu"]', (f) =>
    ((f.querySelector('canvas') as HTMLCanvasElement & { drawnText?: TextBox[] }).drawnText ?? []).map((t) => t.text),
  );
  expect(ticks).toContain('0');
  expect(ticks).toContain('100');
  expect(ticks).not.toContain('120');
  await page.close();
});

test('a rate over time with one point is drawn as a labelled point in the middle, with the reason stated', async () => {
  const url = chartPages.find((u) => u.startsWith('/trackers/'))!;
  const { page } = await openCharts(url, 390);
  const figure = await page.$eval('figure[data-chart]', (f) => ({
    note: f.textContent ?? '',
    texts: (f.querySelector('canvas') as HTMLCanvasElement & { drawnText?: TextBox[] }).drawnText ?? [],
    width: f.querySelector('canvas')!.width / devicePixelRatio,
  }));
  expect(figure.note).toContain('图中只有一个点');
  const value = figure.texts.find((t) => /%$/.test(t.text))!;
  expect(value, 'the point carries its value').toBeTruthy();
  // Not pressed against the axis: the point and its value sit well inside the plot.
  expect((value.left + value.right) / 2).toBeGreaterThan(figure.width * 0.3);
  await page.close();
});

test.each([390, 1280])(
  'at %i px the PNG download is drawn at a fixed width with title, unit, date, caveat, source, address and site name',
  async (width) => {
    const { page } = await openCharts(briefing, width);
    const id = await page.$eval('figure[data-chart]', (f) => f.id);
    const spec = specs.get(id)!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[id="${id}"] button.chart-png`)]);
    expect(download.suggestedFilename()).toBe(`${id}.png`);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16), 'the image width does not depend on the screen').toBe(2400);
    const text = (
      await page.evaluate((chart) => (window as unknown as { exportedText: Record<string, string[]> }).exportedText[chart], id)
    ).join('');
    expect(text).toContain(spec.title);
    expect(text).toContain(`单位：${spec.unit}`);
    expect(text).toContain('截至 2023年7月31日');
    expect(text).toContain(`来源：${spec.credit.sources[0]}`);
    expect(text).toContain(`网址：${TEST_SITE_URL}briefings/`);
    expect(text).toContain(SITE_NAME);
    expect(text.replace(/\s/g, '')).toContain(spec.notes[0]!.replace(/\s/g, ''));
    expect(text).toContain('89.5%');
    await page.close();
  },
);

test('the SVG download holds the same text as real text', async () => {
  const { page } = await openCharts(briefing, 390);
  const id = await page.$eval('figure[data-chart]', (f) => f.id);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[id="${id}"] button.chart-svg`)]);
  expect(download.suggestedFilename()).toBe(`${id}.svg`);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toMatch(/^<svg [^>]*width="1200"/);
  expect(svg).toContain(`>${SITE_NAME}</text>`);
  expect(svg).toContain('<image ');
  await page.close();
});

test("a copied citation holds the full address and today's date", async () => {
  const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${site.url}${briefing}`, { waitUntil: 'load' });
  const id = await page.$eval('figure[data-chart]', (f) => f.id);
  await page.click(`[id="${id}"] .cite button[data-copy="gbt"]`);
  await expect.poll(() => page.$eval(`[id="${id}"] .cite-status`, (s) => s.textContent)).toBe('已复制');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const today = localIsoDate(new Date());
  expect(copied).toContain(`[EB/OL]. (2023-08-04)[${today}]. ${TEST_SITE_URL}${briefing.slice(1)}#${id}.`);
  await page.click(`[id="${id}"] .cite button[data-copy="plain"]`);
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  expect(plain).toContain(`${TEST_SITE_URL}${briefing.slice(1)}#${id}`);
  expect(plain).toMatch(/\d{4}年\d{1,2}月\d{1,2}日访问。$/);
  await context.close();
});

test('an embed page renders inside an iframe on another origin and sizes it; other pages refuse to be framed', async () => {
  const id = [...specs.keys()].find((k) => k.startsWith('progress-'))!;
  const embedUrl = `${site.url}${routes.embed(id)}`;
  const article =
    `<!doctype html><meta charset="utf-8"><title>新闻</title><p>报道正文</p>${embedSnippet({ url: embedUrl, title: '嵌入图表' })}` +
    `<iframe id="framed-page" src="${site.url}${briefing}" title="整页"></iframe>`;
  // Another origin: the site is served on 127.0.0.1, the article on localhost.
  const server = createServer((_, response) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(article));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
  try {
    await page.goto(`http://localhost:${port}/`, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f.url() === embedUrl)!;
    expect(frame, 'the embed page loaded in the frame').toBeTruthy();
    await frame.waitForFunction(() => (document.querySelector('figure[data-chart]') as HTMLElement | null)?.dataset.drawn === 'true');
    expect(await frame.$eval('figure[data-chart]', (f) => f.id)).toBe(id);
    expect(await frame.$$eval('.chart-data table tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(await frame.$eval('.chart-meta', (m) => m.textContent)).toContain('来源：');
    expect(await frame.$$eval('.site-header, nav, footer', (n) => n.length), 'no site chrome').toBe(0);
    // The snippet's listener sets the iframe to the height the embed reports.
    await expect.poll(() => page.$eval('iframe[data-yshj-embed]', (f) => (f as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);
    const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(await page.$eval('iframe[data-yshj-embed]', (f) => (f as HTMLIFrameElement).style.height)).toBe(`${contentHeight}px`);
    // The briefing page itself may not be framed: its frame shows the browser's refusal, not the page.
    const framedPage = page.frames().find((f) => f !== page.mainFrame() && f.url() !== embedUrl)!;
    expect(await framedPage.evaluate(() => document.querySelector('.site-header, article') !== null).catch(() => false)).toBe(false);
    expect(await framedPage.evaluate(() => document.title).catch(() => '')).not.toContain(SITE_NAME);
  } finally {
    await page.close();
    await new Promise((resolve) => server.close(resolve));
  }
});
