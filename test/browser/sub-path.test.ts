/**
 * The site built for https://example.org/yshj/ and served under /yshj/: the
 * search page loads its index from under the path, and every result links
 * under the path to a page that opens on its anchor.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserOnBuiltSite } from '../support/browser.ts';

const site = browserOnBuiltSite('subPath');
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

test('a search on the sub-path build finds results that link under /yshj/ and open on their section', async () => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${site.url}/`);
  await page.fill('#header-search-input', '营商环境');
  await page.press('#header-search-input', 'Enter');
  await page.waitForURL(/\/yshj\/search\/\?q=/);
  await page.waitForFunction(() => /^(找到|没有找到|搜索暂时)/.test(document.getElementById('search-status')?.textContent ?? ''));
  expect(await page.textContent('#search-status')).toMatch(/^找到/);
  const links = await page.$$eval('#search-results li h2 a', (anchors) => anchors.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThan(5);
  for (const link of links) expect(link, link).toMatch(/^\/yshj\//);
  const target = links.find((link) => link.includes('#'))!;
  await page.click(`#search-results a[href="${target}"]`);
  await page.waitForURL(
    (url) => url.pathname + url.hash === target || `${url.pathname}${decodeURIComponent(url.hash)}` === decodeURIComponent(target),
  );
  const anchor = decodeURIComponent(target.split('#')[1]!);
  expect(await page.evaluate((id) => document.getElementById(id) !== null, anchor)).toBe(true);
  expect(failed).toEqual([]);
});
