/**
 * Accessibility in Chromium, one page of every template: axe-core with the
 * WCAG 2.0, 2.1 and 2.2 A and AA rules finds nothing, and neither does a
 * second engine, HTML_CodeSniffer (WCAG2AA), whose checks differ (it wants a
 * submit button in every form, and `headers` where table groups span rows); the skip link is the first stop of
 * the keyboard and focus is always visible; headings do not skip levels.
 */
import { beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { axeViolations, browserOnBuiltSite, chartsDrawn, htmlCodeSnifferErrors } from '../support/browser.ts';
import { TEMPLATE_PAGES, WCAG_TAGS } from '../support/templates.ts';

const site = browserOnBuiltSite();
let context: BrowserContext;

beforeAll(async () => {
  // axe is injected as a script; the site's own policy would rightly refuse it.
  context = await site.browser.newContext({ bypassCSP: true });
});

test.each(TEMPLATE_PAGES)('%s has no WCAG 2.2 AA violations', async (url) => {
  const page = await context.newPage();
  await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
  await chartsDrawn(page);
  if (url.startsWith('/search/'))
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
  expect(await axeViolations(page, { type: 'tag', values: WCAG_TAGS })).toEqual([]);
  expect(await htmlCodeSnifferErrors(page)).toEqual([]);
  const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) => nodes.map((n) => Number(n.tagName[1])));
  expect(headings[0]).toBe(1);
  for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!, `${url} heading ${i}`).toBeLessThanOrEqual(1);
  await page.close();
});

test('the check can fail: a page with an unlabelled field and an image without text is caught', async () => {
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<input type="text"><img src="/favicon.svg">');
  });
  const ids = (await axeViolations(page, { type: 'tag', values: ['wcag2a', 'wcag2aa'] })).map((v) => v.split(':')[0]);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
  await page.close();
});

test('HTML_CodeSniffer can fail: a form without a submit button and a table whose cells name no headers are caught', async () => {
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<form><label>词 <input name="q"></label></form><table><caption>表</caption><tr><th scope="col">甲</th><th scope="col">乙</th></tr><tbody><tr><th scope="rowgroup" colspan="2">组</th></tr><tr><th scope="row">1</th><td>一</td></tr></tbody></table>',
    );
  });
  const codes = (await htmlCodeSnifferErrors(page)).map((error) => error.split(':')[0]);
  expect(codes).toEqual(expect.arrayContaining(['WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2']));
  expect(codes.some((code) => code.includes('H43'))).toBe(true);
  await page.close();
});

test('every table has a caption and header cells', async () => {
  const page = await context.newPage();
  for (const url of TEMPLATE_PAGES) {
    await page.goto(`${site.url}${url}`);
    const tables = await page.$$eval('table', (nodes) =>
      nodes.map((t) => ({ caption: !!t.querySelector('caption')?.textContent?.trim(), headers: t.querySelectorAll('th').length })),
    );
    for (const [i, table] of tables.entries()) {
      expect(table.caption, `${url} table ${i + 1} caption`).toBe(true);
      expect(table.headers, `${url} table ${i + 1} header cells`).toBeGreaterThan(0);
    }
  }
  await page.close();
});

test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
  const page = await context.newPage();
  await page.goto(`${site.url}/policies/qingshanhu-2023-xingdong-fangan/`);
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
  await page.goto(`${site.url}/tasks/qingshanhu-2023-zhuanxiang-xingdong/`);
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
