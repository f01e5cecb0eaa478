/**
 * The query set, typed into the real search page in Chromium: at least 95%
 * of the exact queries (text as it stands) and 85% of the natural ones (run
 * together, questions, traditional characters, synonyms, typos…) must have
 * an acceptable result in the top five; results must deep-link, highlight
 * whole terms and be announced; a query not found as typed must say what was
 * searched instead and offer corrections and ways to browse. Pinyin, an
 * everyday word the site does not use (by a related word, or by its
 * characters) and each kind of answer card are checked at 390 and 1280 px.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserOnBuiltSite } from '../support/browser.ts';
import { outcomeOf, searchQuality, type SearchQueryCase } from '../../scripts/bench/search-evaluation.ts';

const cases: SearchQueryCase[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'search', 'queries.json'), 'utf8'));
const site = browserOnBuiltSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

async function searchFromPage(query: string) {
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => /^(找到|没有找到|搜索暂时)/.test(document.getElementById('search-status')?.textContent ?? ''));
  return page.evaluate(() => {
    const shown = (id: string) => {
      const element = document.getElementById(id)!;
      return element.hidden ? '' : element.textContent!;
    };
    return {
      urls: [...document.querySelectorAll('#search-results li h2 a')].map((a) => a.getAttribute('href')!),
      status: document.getElementById('search-status')!.textContent!,
      marks: [...document.querySelectorAll('#search-results mark')].map((m) => m.textContent!),
      understood: shown('search-understood'),
      suggestions: shown('search-suggestions'),
      browse: [...document.querySelectorAll('#search-browse:not([hidden]) a')].map((a) => a.getAttribute('href')!),
    };
  });
}

const exact = cases.filter((c) => c.kind === 'exact');
const natural = cases.filter((c) => c.kind !== 'exact');

test('the query set has at least 40 exact queries and 60 natural ones of every kind', () => {
  expect(exact.length).toBeGreaterThanOrEqual(40);
  expect(natural.length).toBeGreaterThanOrEqual(60);
  expect(new Set(natural.map((c) => c.kind))).toEqual(
    new Set(['run-together', 'question', 'traditional', 'synonym', 'region+topic', '文号', 'typo', 'other-name-form']),
  );
});

for (const [name, set, floor] of [
  ['exact', exact, 0.95],
  ['natural', natural, 0.85],
] as const) {
  test(`hit@5 of the ${name} queries is at least ${floor * 100}% when they are typed into the search page`, async () => {
    const outcomes = [];
    for (const testCase of set) outcomes.push(outcomeOf(testCase, (await searchFromPage(testCase.query)).urls));
    const quality = searchQuality(outcomes);
    const misses = quality.misses.map((m) => `${m.query} → ${m.top.join(' ')}`).join('\n');
    expect(quality.hitAt5, `queries without an acceptable result in the top five:\n${misses}`).toBeGreaterThanOrEqual(floor);
  }, 180_000);
}

test('a query not found as typed says what was searched instead, suggests corrections and offers browsing', async () => {
  const typo = await searchFromPage('营商环竟');
  expect(typo.suggestions).toBe('您是不是要找：营商环境');
  expect(typo.urls.length).toBeGreaterThan(0);
  const question = await searchFromPage('开办企业要多久');
  expect(question.understood).toContain('已略去“要多久”');
  expect(question.urls.length).toBeGreaterThan(0);
  expect(question.browse).toEqual(expect.arrayContaining(['/indicators/', '/regions/', '/policies/']));
  const found = await searchFromPage('带押过户');
  expect([found.understood, found.suggestions, found.browse.length]).toEqual(['', '', 0]);
});

test('highlights cover the whole term typed, never a lone character of it', async () => {
  for (const query of ['带押过户', '区政数局', '營商環境', '开办企业要多久', '帕塔尔胡加买提']) {
    const { marks } = await searchFromPage(query);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(Array.from(mark).length, `${query}: ${mark}`).toBeGreaterThanOrEqual(4);
  }
});

test('results are announced in a live region and can be narrowed by facet', async () => {
  // Nearly every record holds 营商环境: more than a query reads, so the count may be an estimate (约).
  const { status } = await searchFromPage('营商环境');
  expect(await page.getAttribute('#search-status', 'role')).toBe('status');
  expect(status).toMatch(/^找到与“营商环境”相关的(约 | )\d+ 条结果/);
  await page.selectOption('select[name="kind"]', '工作简报');
  await page.waitForFunction(() =>
    [...document.querySelectorAll('#search-results li h2 a')].every((a) => a.getAttribute('href')!.startsWith('/briefings/')),
  );
  expect(new URL(page.url()).searchParams.get('kind')).toBe('工作简报');
});

test('the header box on any page searches from the keyboard', async () => {
  await page.goto(`${site.url}/policies/`);
  await page.focus('#header-search-input');
  await page.keyboard.type('执转破');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
  expect(await page.$$eval('#search-results li', (items) => items.length)).toBeGreaterThan(0);
});

test('without JavaScript the search page says so and links to the browse indexes', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${site.url}/search/?q=执转破`);
  const text = await noScript.textContent('body');
  expect(text).toContain('站内搜索需要浏览器开启 JavaScript');
  expect(await noScript.$('noscript ~ #search-app[hidden]')).toBeTruthy();
  await context.close();
});

/** The answer card as shown: kind, text, where its source link goes, whether its copy buttons show, and whether it fits the width. */
async function answerCard(query: string) {
  await searchFromPage(query);
  return page.evaluate(() => {
    const card = document.getElementById('search-answer')!;
    if (card.hidden) return undefined;
    const results = document.getElementById('search-results')!;
    return {
      kind: card.dataset.kind,
      text: card.textContent!,
      links: [...card.querySelectorAll('.answer-entry > p > a')].map((a) => a.getAttribute('href')!),
      copyButtons:
        [...card.querySelectorAll<HTMLElement>('.cite-actions')].every((p) => !p.hidden) &&
        card.querySelectorAll('button[data-copy]').length >= 2,
      citation: card.querySelector('.cite-gbt')?.textContent ?? '',
      above: card.getBoundingClientRect().bottom <= results.getBoundingClientRect().top,
      fits: document.documentElement.scrollWidth <= window.innerWidth && card.getBoundingClientRect().right <= window.innerWidth,
    };
  });
}

for (const width of [390, 1280]) {
  test(`at ${width} px: pinyin is read as the site's words and the page says how`, async () => {
    await page.setViewportSize({ width, height: 900 });
    const initials = await searchFromPage('zwfw');
    expect(await page.textContent('#search-pinyin')).toBe('按拼音 zwfw 查找：政务服务');
    expect(
      initials.urls.slice(0, 5).some((url) => url.startsWith('/indicators/zhengwu-fuwu/') || /#s1-1[45]$|#fujian1-17$/.test(url)),
    ).toBe(true);
    const spaced = await searchFromPage('huode dianli');
    expect(spaced.urls[0]).toMatch(/huode-dianli|#s1-3$|#fujian1-6$/);
    // Latin the text holds is searched as typed.
    await searchFromPage('aeo');
    expect(await page.isHidden('#search-pinyin')).toBe(true);
  });

  test(`at ${width} px: an everyday word the site does not use is searched as the site's word, and the page says so`, async () => {
    await page.setViewportSize({ width, height: 900 });
    const found = await searchFromPage('房子过户');
    expect(found.understood).toContain('还搜索了意思相近的“房屋”（房子）');
    expect(found.urls.slice(0, 5).some((url) => /dengji-caichan|#s1-5$|#fujian1-8$/.test(url))).toBe(true);
    // An everyday word of the synonyms dataset is searched as the documents' terms, and the page names them.
    const dataset = await searchFromPage('报关');
    expect(dataset.understood).toContain('同时搜索了“海关”（报关）');
    expect(dataset.urls.slice(0, 5).some((url) => /kuajing-maoyi|#s1-7$|#fujian1-12$/.test(url))).toBe(true);
    // A word neither the text nor a resource knows is searched by its characters rather than finding nothing, and the page says so.
    const byCharacters = await searchFromPage('完税');
    expect(byCharacters.understood).toContain('找不到的词按单字“完”“税”查找，排在最后');
    expect(byCharacters.urls.length).toBeGreaterThan(0);
  });

  test(`at ${width} px: each kind of answer card shows the answer above the results, links to its section and can be cited`, async () => {
    await page.setViewportSize({ width, height: 900 });
    const responsible = await answerCard('青山湖开办企业谁牵头');
    expect(responsible).toMatchObject({
      kind: 'responsible',
      links: ['/indicators/kaiban-qiye/qingshanhu/#assignment-qingshanhu-2023-xingdong-fangan'],
      copyButtons: true,
      above: true,
      fits: true,
    });
    expect(responsible!.text).toContain('牵头单位区市场监管局');
    expect(responsible!.citation).toContain('中共青山湖区委办公室');

    const figure = await answerCard('龙南第三方整改完成率');
    expect(figure).toMatchObject({
      kind: 'figure',
      links: ['/briefings/longnan-jianbao-2023-03/#progress-longnan-2023-07-31-disanfang-zhenggai'],
      copyButtons: true,
      above: true,
      fits: true,
    });
    expect(figure!.text).toContain('公布完成率89.5% ※');
    expect(figure!.text).toContain('按“已完成 ÷ 总数”计算为 79.0%');

    const target = await answerCard('线上办电率目标');
    expect(target).toMatchObject({ kind: 'target', copyButtons: true, above: true, fits: true });
    expect([...target!.links].sort()).toEqual([
      '/policies/qingshanhu-2023-xingdong-fangan/#target-qingshanhu-2023-huode-dianli-5',
      '/policies/wanli-2023-xingdong-fangan/#target-wanli-2023-huode-dianli-7',
    ]);
    expect(target!.text).toContain('≥ 95%');
    expect(target!.text).toContain('原文：线上办电率达到95%以上');

    const policy = await answerCard('湖办发(2023)8号');
    expect(policy).toMatchObject({
      kind: 'policy',
      links: ['/policies/qingshanhu-2023-xingdong-fangan/'],
      copyButtons: true,
      above: true,
      fits: true,
    });

    // Nothing held fits exactly: no card.
    expect(await answerCard('赣州开办企业谁牵头')).toBeUndefined();
    expect(await answerCard('政务服务谁牵头')).toBeUndefined();
  });
}
