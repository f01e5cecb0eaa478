/**
 * In a real browser: every chart canvas is actually drawn, without console
 * errors or failed requests, and the page then offers the PNG download and
 * folds the data table away.
 */
import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { builtPages } from '../support/site.ts';
import { browserOnBuiltSite, chartsDrawn } from '../support/browser.ts';

const siteDir = inject('siteDir');
const chartPages = builtPages(siteDir).filter((p) => p.root.querySelectorAll('figure[data-chart] canvas').length > 0).map((p) => p.url);
const site = browserOnBuiltSite();

test('there are chart pages to check', () => {
  expect(chartPages.length).toBeGreaterThan(3);
});

test.each(chartPages)('%s draws every chart', async (url) => {
  const page = await site.browser.newPage({ viewport: { width: 1024, height: 800 } });
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
  await chartsDrawn(page);
  const figures = await page.$$eval('figure[data-chart]', (nodes) =>
    nodes.map((figure) => {
      const canvas = figure.querySelector('canvas')!;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      // Count pixels that are neither transparent nor the white background.
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) inked++;
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

test('the PNG button downloads the drawn chart as a PNG image', async () => {
  const page = await site.browser.newPage({ acceptDownloads: true });
  await page.goto(`${site.url}${chartPages[0]}`, { waitUntil: 'load' });
  const figureId = await page.$eval('figure[data-chart]', (f) => f.id);
  await page.waitForFunction((id) => (document.getElementById(id) as HTMLElement).dataset.drawn === 'true', figureId);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[id="${figureId}"] button.chart-png`)]);
  expect(download.suggestedFilename()).toBe(`${figureId}.png`);
  const path = await download.path();
  expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
  await page.close();
});
