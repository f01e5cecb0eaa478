/**
 * Reading on phones and at high zoom: at 320 CSS px (what 400% zoom gives) no
 * page scrolls sideways, in normal and 大字 type; on a 390×844 phone the
 * page's heading starts in the top third of the screen (the top half in 大字),
 * so the header, trail and document details never push it away; at phone
 * width axe's WCAG 2.2 rules (target size among them) still pass; the header
 * menu opens without JavaScript; and a task list can be filtered, with the
 * filter kept in the address.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, browserOnBuiltSite, chartsDrawn } from '../support/browser.ts';
import { TEMPLATE_PAGES, WCAG_TAGS } from '../support/templates.ts';

const site = browserOnBuiltSite();
const TASK_LIST = '/tasks/qingshanhu-2023-zhibiao-renwu/';

async function context(width: number, height: number, largeText: boolean, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const created = await site.browser.newContext({
    viewport: { width, height },
    bypassCSP: true,
    javaScriptEnabled: options.javaScript ?? true,
  });
  if (largeText) await created.addInitScript(() => localStorage.setItem('display.largeText', '1'));
  return created;
}

async function open(ctx: BrowserContext, url: string): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
  // The search page is measured with its results shown, as a reader sees it.
  if (url.startsWith('/search/'))
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
  return page;
}

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.each([
  { mode: '', largeText: false },
  { mode: '大字', largeText: true },
])('$mode', ({ largeText }) => {
  let at320: BrowserContext;
  let at390: BrowserContext;
  let at1280: BrowserContext;
  beforeAll(async () => {
    [at320, at390, at1280] = await Promise.all([context(320, 640, largeText), context(390, 844, largeText), context(1280, 900, largeText)]);
  });
  afterAll(async () => {
    await Promise.all([at320.close(), at390.close(), at1280.close()]);
  });

  test.each(TEMPLATE_PAGES)('%s: no sideways scrolling at 320 or 1280 px, heading near the top on a phone', async (url) => {
    for (const ctx of [at320, at1280]) {
      const page = await open(ctx, url);
      expect(await sidewaysScroll(page), `${url} at ${page.viewportSize()!.width} px`).toBe(0);
      await page.close();
    }
    const page = await open(at390, url);
    expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(largeText);
    const top = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top);
    expect(top, url).toBeLessThan(844 / (largeText ? 2 : 3));
    const header = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().height);
    expect(header, `${url} header`).toBeLessThanOrEqual(120);
    await page.close();
  });
});

describe('at phone width', () => {
  let phone: BrowserContext;
  beforeAll(async () => {
    phone = await context(390, 844, false);
  });
  afterAll(() => phone.close());

  test.each(TEMPLATE_PAGES)('%s passes axe with the WCAG 2.2 AA rules', async (url) => {
    const page = await open(phone, url);
    await chartsDrawn(page);
    expect(await axeViolations(page, { type: 'tag', values: WCAG_TAGS })).toEqual([]);
    await page.close();
  });

  test('a long document starts its text within the first screen; contents and details are one tap away', async () => {
    const page = await open(phone, '/policies/qingshanhu-2023-xingdong-fangan/');
    const layout = await page.evaluate(() => ({
      text: document.querySelector('.prose p')!.getBoundingClientRect().top,
      contentsOpen: document.querySelector<HTMLDetailsElement>('.toc details')!.open,
    }));
    expect(layout.text).toBeLessThan(844);
    expect(layout.contentsOpen).toBe(false);
    await page.click('.toc summary');
    await page.click('.toc a[href="#s2"]');
    await page.waitForURL(/#s2$/);
    // 返回目录 stays at the bottom of the screen while the document is read.
    const back = page.locator('.back-links a[href="#toc"]');
    expect(await back.isVisible()).toBe(true);
    await back.click();
    await page.waitForURL(/#toc$/);
    expect(await page.evaluate(() => document.getElementById('toc')!.getBoundingClientRect().top)).toBeLessThan(100);
    await page.close();
  });

  test('the task list shows each row as a card led by its 工作举措, with row links large enough to tap', async () => {
    const page = await open(phone, `${TASK_LIST}#r1`);
    const card = await page.evaluate(() => {
      const row = document.getElementById('r1')!;
      const cells = [...row.children].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const link = row.querySelector('a')!.getBoundingClientRect();
      return {
        first: cells[0]!.getAttribute('data-key'),
        width: row.getBoundingClientRect().width,
        link: { width: link.width, height: link.height },
      };
    });
    expect(card.first).toBe('measure');
    expect(card.width).toBeLessThanOrEqual(390);
    expect(card.link.width).toBeGreaterThanOrEqual(44);
    expect(card.link.height).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  test('the header menu opens without JavaScript and reaches every section', async () => {
    const noScript = await context(390, 844, false, { javaScript: false });
    const page = await open(noScript, '/');
    expect(await page.isVisible('.site-nav')).toBe(false);
    await page.click('.site-menu > summary');
    expect(await page.isVisible('.site-nav')).toBe(true);
    expect(await page.locator('.site-nav a').count()).toBeGreaterThanOrEqual(8);
    // Without JavaScript the task filter stays hidden and every row is listed.
    await page.goto(`${site.url}${TASK_LIST}?unit=x`);
    expect(await page.isVisible('form[data-task-filter]')).toBe(false);
    expect(await page.locator('tr[data-task]:visible').count()).toBe(143);
    await noScript.close();
  });
});

describe('task filter', () => {
  let desktop: BrowserContext;
  beforeAll(async () => {
    desktop = await context(1280, 900, false);
  });
  afterAll(() => desktop.close());

  const visibleRows = (page: Page) =>
    page.$$eval('tr[data-task]', (rows) =>
      rows
        .filter((r) => !(r as HTMLElement).hidden && !(r.parentElement as HTMLElement).hidden)
        .map((r) => ({
          unit: r.querySelector('[data-key="leadUnit"]')!.textContent!,
          deadline: r.querySelector('[data-key="deadline"] time')?.getAttribute('datetime') ?? '',
          text: r.textContent!,
        })),
    );

  test('filters by lead unit, deadline month and words, updates the count, and keeps the filter in the address', async () => {
    const page = await open(desktop, TASK_LIST);
    expect(await page.textContent('[data-task-count]')).toBe('共 143 项');
    const unit = await page.$eval('select[name="unit"] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('select[name="unit"]', unit);
    let rows = await visibleRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(143);
    for (const row of rows) expect(row.unit).toContain(unit);
    expect(new URL(page.url()).searchParams.get('unit')).toBe(unit);
    expect(await page.textContent('[data-task-count]')).toBe(`筛选出 ${rows.length} 项（共 143 项）`);

    const month = rows[0]!.deadline.slice(0, 7);
    await page.selectOption('select[name="month"]', month);
    rows = await visibleRows(page);
    for (const row of rows) expect(row.deadline.startsWith(month)).toBe(true);
    const word = '电子';
    await page.selectOption('select[name="month"]', '');
    await page.fill('form[data-task-filter] input[name="q"]', word);
    rows = await visibleRows(page);
    for (const row of rows) expect(row.text).toContain(word);
    const shared = page.url();
    expect(new URL(shared).searchParams.get('q')).toBe(word);

    // The address, opened again, shows the same rows.
    const again = await open(desktop, shared.slice(site.url.length));
    expect(await visibleRows(again)).toEqual(rows);
    expect(await again.inputValue('select[name="unit"]')).toBe(unit);
    await again.click('form[data-task-filter] button[type="reset"]');
    await again.waitForFunction(() => location.search === '');
    expect((await visibleRows(again)).length).toBe(143);
    await page.close();
    await again.close();
  });

  test('the filter is a GET form with a submit button: submitted by the browser itself, the list opens filtered', async () => {
    const page = await open(desktop, TASK_LIST);
    const unit = await page.$eval('select[name="unit"] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('select[name="unit"]', unit);
    const filtered = await visibleRows(page);
    expect(await page.isVisible('form[data-task-filter] button[type="submit"]')).toBe(true);
    // form.submit() skips the script's submit handler: this is what the browser does on its own.
    await Promise.all([
      page.waitForEvent('load'),
      page.$eval('form[data-task-filter]', (form) => HTMLFormElement.prototype.submit.call(form)),
    ]);
    const address = new URL(page.url());
    expect(address.pathname).toBe(TASK_LIST);
    expect(address.searchParams.get('unit')).toBe(unit);
    expect(await visibleRows(page)).toEqual(filtered);
    await page.close();
  });

  test("filtering by indicator shows only that indicator's group", async () => {
    const page = await open(desktop, `${TASK_LIST}?group=${encodeURIComponent('纳税')}`);
    const groups = await page.$$eval('tbody[data-group]', (bodies) =>
      bodies.filter((b) => !(b as HTMLElement).hidden).map((b) => b.getAttribute('data-group')),
    );
    expect(groups).toEqual(['纳税']);
    expect(await page.inputValue('select[name="group"]')).toBe('纳税');
    await page.close();
  });
});
