/**
 * Accessibility in Chromium, one page of every template: axe-core with the
 * WCAG 2.1 A and AA rules finds nothing; the skip link is the first stop of
 * the keyboard and focus is always visible; headings do not skip levels.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core');
const TEMPLATES = [
  '/', '/policies/', '/policies/qingshanhu-2023-xingdong-fangan/', '/policies/shangrao-2022-gongzuo-fangan/',
  '/briefings/', '/briefings/longnan-jianbao-2023-03/', '/indicators/', '/indicators/nashui/', '/regions/', '/regions/qingshanhu/',
  '/tasks/', '/tasks/qingshanhu-2023-zhibiao-renwu/', '/trackers/disanfang-zhenggai/', '/statistics/', '/methodology/',
  '/data/', '/provenance/', '/search/?q=%E5%B8%A6%E6%8A%BC%E8%BF%87%E6%88%B7', '/404.html',
];
let browser: Browser;
let context: BrowserContext;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject('siteDir'))]);
  // axe is injected as a script; the site's own policy would rightly refuse it.
  context = await browser.newContext({ bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.each(TEMPLATES)('%s has no WCAG 2.1 AA violations', async (url) => {
  const page = await context.newPage();
  await page.goto(`${server.url}${url}`, { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.querySelectorAll('figure[data-chart]')].every((f) => (f as HTMLElement).dataset.drawn === 'true'));
  if (url.startsWith('/search/')) await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  expect(violations).toEqual([]);
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) => nodes.map((n) => Number(n.tagName[1])));
  expect(headings[0]).toBe(1);
  for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!, `${url} heading ${i}`).toBeLessThanOrEqual(1);
  await page.close();
});

test('the check can fail: a page with an unlabelled field and an image without text is caught', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<input type="text"><img src="/favicon.svg">');
  });
  await page.addScriptTag({ path: AXE });
  const ids = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })).violations.map((v) => v.id);
  });
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
  await page.close();
});

test('every table has a caption and header cells', async () => {
  const page = await context.newPage();
  for (const url of TEMPLATES) {
    await page.goto(`${server.url}${url}`);
    const tables = await page.$$eval('table', (nodes) => nodes.map((t) => ({ caption: !!t.querySelector('caption')?.textContent?.trim(), headers: t.querySelectorAll('th').length })));
    for (const [i, table] of tables.entries()) {
      expect(table.caption, `${url} table ${i + 1} caption`).toBe(true);
      expect(table.headers, `${url} table ${i + 1} header cells`).toBeGreaterThan(0);
    }
  }
  await page.close();
});

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/policies/qingshanhu-2023-xingdong-fangan/`);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#main$/);
  expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('main');
  await page.close();
});

test('every link and control shows a visible focus indicator', async () => {
  const page = await context.newPage();
  await page.goto(`${server.url}/tasks/qingshanhu-2023-zhuanxiang-xingdong/`);
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
    });
    expect(style.outline !== 'none' || style.shadow !== 'none', `${style.tag} #${i}`).toBe(true);
  }
  await page.close();
});
