/**
 * Reader display settings: 大字 and 高对比度 persist across pages; the dark
 * colour scheme and reduced motion the reader's system asks for are honoured;
 * every mode still passes axe's contrast rules.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, browserOnBuiltSite } from '../support/browser.ts';

const site = browserOnBuiltSite();
const contrastViolations = (page: Page) => axeViolations(page, { type: 'rule', values: ['color-contrast', 'link-in-text-block'] });

test('大字 and 高对比度 are switched from the header and persist across pages', async () => {
  const context = await site.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${site.url}/`);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  await page.click('button[data-display-mode="large-text"]');
  await page.click('button[data-display-mode="high-contrast"]');
  expect(await page.getAttribute('button[data-display-mode="large-text"]', 'aria-pressed')).toBe('true');
  await page.goto(`${site.url}/policies/qingshanhu-2023-xingdong-fangan/`);
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
  await page.goto(`${site.url}/`);
  expect(await page.evaluate(() => document.documentElement.classList.contains('large-text'))).toBe(false);
  await context.close();
});

test('the dark colour scheme is honoured and keeps enough contrast', async () => {
  const context = await site.browser.newContext({ colorScheme: 'dark', bypassCSP: true });
  const page = await context.newPage();
  for (const url of ['/', '/tasks/qingshanhu-2023-zhuanxiang-xingdong/', '/briefings/longnan-jianbao-2023-03/']) {
    await page.goto(`${site.url}${url}`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background, url).toBe('rgb(21, 20, 19)');
    expect(await contrastViolations(page), url).toEqual([]);
  }
  await context.close();
});

test('reduced motion is honoured: nothing on the page animates or scrolls smoothly', async () => {
  const context = await site.browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${site.url}/briefings/longnan-jianbao-2023-03/`);
  const moving = await page.evaluate(
    () =>
      [...document.querySelectorAll('*')].filter((el) => {
        const s = getComputedStyle(el);
        return (
          s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.scrollBehavior === 'smooth'
        );
      }).length,
  );
  expect(moving).toBe(0);
  await context.close();
});
