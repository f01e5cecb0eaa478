/**
 * Every page template in Chromium: it renders without console errors or
 * failed requests, asks nothing of any other origin, its navigation leads to
 * real pages, and every download it offers answers with the right type.
 */
import { expect, test } from 'vitest';
import { browserOnBuiltSite } from '../support/browser.ts';

const TEMPLATES = [
  '/',
  '/policies/',
  '/policies/wanli-2023-xingdong-fangan/',
  '/briefings/',
  '/briefings/longnan-jianbao-2023-03/',
  '/indicators/',
  '/indicators/zhengwu-fuwu/',
  '/regions/',
  '/regions/longnan/',
  '/tasks/',
  '/tasks/qingshanhu-2023-zhuanxiang-xingdong/',
  '/trackers/duibiao-tisheng/',
  '/trackers/duibiao-tisheng/longnan/',
  '/statistics/',
  '/statistics/longnan/',
  '/indicators/zhengwu-fuwu/qingshanhu/',
  '/charts/targets-qingshanhu-2023-nashui-1/',
  '/methodology/',
  '/data/',
  '/provenance/',
  '/search/?q=%E5%8C%BA%E6%94%BF%E6%95%B0%E5%B1%80',
];
const TYPES: [RegExp, string][] = [
  [/\.csv$/, 'text/csv'],
  [/\.json$/, 'application/json'],
  [/\.txt$/, 'text/plain'],
  [/\.xml$/, 'application/xml'],
];
const site = browserOnBuiltSite();

test.each(TEMPLATES)('%s renders cleanly, stays on this site, and its links and downloads work', async (url) => {
  const page = await site.browser.newPage();
  const problems: string[] = [];
  const origins = new Set<string>();
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()}: ${r.url()}`));
  await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
  expect(await page.locator('h1').count()).toBe(1);

  const links = await page.$$eval('a[href^="/"]', (anchors) => [...new Set(anchors.map((a) => a.getAttribute('href')!.split('#')[0]!))]);
  const checks = await page.evaluate(
    async (hrefs) =>
      Promise.all(
        hrefs.map(async (href) => {
          const response = await fetch(href);
          return { href, status: response.status, type: response.headers.get('content-type') ?? '' };
        }),
      ),
    links,
  );
  for (const check of checks) {
    expect(check.status, check.href).toBe(200);
    const expected = TYPES.find(([pattern]) => pattern.test(check.href))?.[1] ?? 'text/html';
    expect(check.type, check.href).toContain(expected);
  }
  expect(problems).toEqual([]);
  expect([...origins]).toEqual([site.url]);
  await page.close();
});

test('the main navigation reaches every section from any page', async () => {
  const page = await site.browser.newPage();
  await page.goto(`${site.url}/`);
  const items = await page.$$eval('.site-nav a', (anchors) =>
    anchors.map((a) => ({ text: a.textContent!, href: a.getAttribute('href')! })),
  );
  expect(items.length).toBeGreaterThanOrEqual(8);
  for (const item of items) {
    await page.click(`.site-nav a[href="${item.href}"]`);
    await page.waitForURL(`${site.url}${item.href}`);
    expect(await page.getAttribute(`.site-nav a[href="${item.href}"]`, 'aria-current'), item.text).toBe('page');
  }
  await page.close();
});
