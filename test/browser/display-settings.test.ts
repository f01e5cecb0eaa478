/**
 * Reader display settings: 大字 and 高对比度 persist across pages; the dark
 * colour scheme and reduced motion the reader's system asks for are honoured;
 * every mode still passes axe's contrast rules.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core');
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(inject('siteDir'))]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function contrastViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

test('大字 and 高对比度 are switched from the header and persist across pages', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.click('button[data-display-mode="large-text"]');
  await page.click('button[data-display-mode="high-contrast"]');
  expect(await page.getAttribute('button[data-display-mode="large-text"]', 'aria-pressed')).toBe('true');
  await page.goto(`${server.url}/policies/qingshanhu-2023-xingdong-fangan/`);
  const state = await page.evaluate(() => ({
    classes: [...document.documentElement.classList],
    size: parseFloat(getComputedStyle(document.body).fontSize),
    pressed: document.querySelector('button[data-display-mode="high-contrast"]')!.getAttribute('aria-pressed'),
  }));
  expect(state.classes).toEqual(expect.arrayContaining(['large-text', 'high-contrast']));
  expect(state.size).toBeGreaterThan(before * 1.15);
  expect(state.pressed).toBe('true');
  expect(await contrastViolations(page)).toEqual([]);
  await page.click('button[data-display-mode="large-text"]');
  await page.goto(`${server.url}/`);
  expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(false);
  await context.close();
});

test('the dark colour scheme is honoured and keeps enough contrast', async () => {
  const context = await browser.newContext({ colorScheme: 'dark', bypassCSP: true });
  const page = await context.newPage();
  for (const url of ['/', '/tasks/qingshanhu-2023-zhuanxiang-xingdong/', '/briefings/longnan-jianbao-2023-03/']) {
    await page.goto(`${server.url}${url}`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background, url).toBe('rgb(21, 20, 19)');
    expect(await contrastViolations(page), url).toEqual([]);
  }
  await context.close();
});

test('reduced motion is honoured: nothing on the page animates or scrolls smoothly', async () => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/briefings/longnan-jianbao-2023-03/`);
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')].filter((el) => {
      const s = getComputedStyle(el);
      return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.scrollBehavior === 'smooth';
    }).length,
  );
  expect(moving).toBe(0);
  await context.close();
});
