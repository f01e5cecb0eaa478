/**
 * What the press needs, in the built site: every chart has an embed page
 * that alone may be framed, and code to embed it; citations give full
 * addresses; a briefing marks figures that have notes and opens with its key
 * figures; every page prints with the site's name, its address and the date;
 * 关于本站 shows what staff have (not) filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, inject, test } from 'vitest';
import { builtPages, visibleText, type BuiltPage } from '../support/site.ts';
import { PROJECT_ROOT, TEST_SITE_URL } from '../support/astro-build.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import type { ContentModel } from '../../src/lib/content/content-model.ts';
import { headersFor, parseHeadersFile } from '../../src/lib/http-headers.ts';
import { routes } from '../../src/lib/routes.ts';
import { SITE_NAME } from '../../src/lib/site.ts';

const siteDir = inject('siteDir');
let pages: BuiltPage[];
let model: ContentModel;
const page = (url: string) => pages.find((p) => p.url === url)!;

beforeAll(() => {
  pages = builtPages(siteDir);
  model = validateContent(readContentFiles(join(PROJECT_ROOT, 'content'))).model;
});

test('every chart has an embed page with the chart, its table and its source, and no site chrome', () => {
  const figures = pages.filter((p) => !p.url.startsWith(routes.embeds())).flatMap((p) => p.root.querySelectorAll('figure[data-chart]'));
  expect(figures.length).toBeGreaterThan(10);
  for (const figure of figures) {
    const embed = page(routes.embed(figure.id));
    expect(embed, figure.id).toBeTruthy();
    expect(embed.root.querySelector(`figure[data-chart][id="${figure.id}"] canvas`)).toBeTruthy();
    expect(embed.root.querySelector('.chart-data table')).toBeTruthy();
    expect(embed.root.querySelector('.chart-meta a')?.getAttribute('target')).toBe('_blank');
    expect(embed.root.querySelectorAll('.site-header, nav, footer')).toHaveLength(0);
    // Beside the chart on its own page: the code to embed it, with the embed page's full address.
    expect(figure.querySelector('.embed-snippet textarea')?.textContent).toContain(
      `<iframe src="${TEST_SITE_URL}${routes.embed(figure.id).slice(1)}"`,
    );
  }
});

test('only embed pages may be framed; every other page refuses by CSP and X-Frame-Options', () => {
  const rules = parseHeadersFile(readFileSync(join(siteDir, '_headers'), 'utf8'));
  for (const { url } of pages) {
    const headers = headersFor(url, rules);
    const embed = url.startsWith(routes.embeds());
    expect(headers['Content-Security-Policy']!.endsWith(embed ? 'frame-ancestors *' : "frame-ancestors 'none'"), url).toBe(true);
    expect(headers['X-Frame-Options'], url).toBe(embed ? undefined : 'DENY');
  }
});

test('citations of charts, documents and figures give the issuing office and the full address, with the access date left to fill in', () => {
  const briefing = model.briefings[0]!;
  const briefingPage = page(routes.briefing(briefing.id));
  const cites = briefingPage.root.querySelectorAll('.cite');
  expect(cites.length).toBeGreaterThanOrEqual(1 + model.progress.filter((p) => p.data.briefing === briefing.id).length + 1);
  for (const cite of cites) {
    const gbt = cite.querySelector('.cite-gbt')!.textContent;
    expect(gbt.startsWith(`${briefing.data.issuer}. `)).toBe(true);
    expect(gbt).toMatch(/\[EB\/OL\]\. \(2023-08-04\)\[引用日期\]\. https:\/\/example\.org\/briefings\//);
    expect(cite.querySelector('.cite-plain')!.textContent).not.toMatch(/《[^》]*《/);
  }
  for (const policy of model.policies)
    expect(page(routes.policy(policy.id)).root.querySelector('.cite-gbt')?.textContent).toContain(`${TEST_SITE_URL}policies/${policy.id}/`);
  // Target comparisons carry the date of the latest policy they compare.
  for (const comparison of pages.filter((p) => p.url.startsWith('/charts/')))
    expect(comparison.root.querySelector('.cite-gbt')?.textContent, comparison.url).toMatch(/\[EB\/OL\]\. \(\d{4}-\d{2}-\d{2}\)\[/);
});

test('a figure with a note is marked where the briefing prints it, linking to the note in 本期主要数字', () => {
  const disagreeing = model.progress.filter(
    (p) => p.data.publishedRate !== undefined && Math.round((p.data.completed / p.data.total) * 1000) / 10 !== p.data.publishedRate,
  );
  expect(disagreeing.length).toBeGreaterThan(0);
  for (const row of disagreeing) {
    const briefingPage = page(routes.briefing(row.data.briefing));
    const mark = briefingPage.root
      .querySelectorAll('.prose a.figure-note-mark')
      .find((a) => a.textContent === `${row.data.publishedRate}%※`);
    expect(mark, row.data.id).toBeTruthy();
    const note = briefingPage.root.getElementById(mark!.getAttribute('href')!.slice(1));
    expect(note?.textContent).toContain('（已完成 + 正在推进）÷ 总数');
    expect(note?.closest('.key-figures')).toBeTruthy();
  }
});

test('each briefing opens with its key figures, links to its chart and to the neighbouring issues of its series', () => {
  for (const briefing of model.briefings) {
    const briefingPage = page(routes.briefing(briefing.id));
    const box = briefingPage.root.querySelector('.key-figures')!;
    expect(box.querySelector('h2')?.textContent).toBe('本期主要数字');
    for (const row of model.progress.filter((p) => p.data.briefing === briefing.id))
      expect(box.textContent).toContain(`共${row.data.total}项，已完成${row.data.completed}项`);
    expect(box.querySelector(`a[href="#progress-${briefing.id}"]`)).toBeTruthy();
    // The box comes before the document's own text.
    expect(briefingPage.html.indexOf('class="key-figures"')).toBeLessThan(briefingPage.html.indexOf('class="prose"'));
    expect(briefingPage.root.querySelector('nav.issue-links')?.textContent).toMatch(/第一期|上一期/);
  }
});

test('every page prints with the site name, its full address and a print date, and loads the print stylesheet for print only', () => {
  for (const p of pages.filter((x) => !x.url.startsWith(routes.embeds()) && x.url !== '/404')) {
    const header = p.root.querySelector('.print-header');
    expect(header?.textContent, p.url).toContain(SITE_NAME);
    expect(header?.querySelector('[data-print-url]')?.textContent, p.url).toBe(new URL(p.url, TEST_SITE_URL).href);
    expect(header?.querySelector('[data-print-date]'), p.url).toBeTruthy();
    expect(
      p.root.querySelectorAll('link[rel="stylesheet"]').some((l) => l.getAttribute('media') === 'print'),
      p.url,
    ).toBe(true);
  }
});

test('出处 prints as the section heading, not a generic label', () => {
  const policyPage = page(routes.policy(model.targets[0]!.data.policy));
  const cell = policyPage.root.querySelector(`#target-${model.targets[0]!.data.id} a .print-only`)!;
  const policy = model.policies.find((p) => p.id === model.targets[0]!.data.policy)!;
  expect(cell.textContent).toBe(policy.headings.find((h) => h.anchor === model.targets[0]!.data.section)!.text.replace(/[：:]$/, ''));
});

test('关于本站 shows 主办单位 and contact as unset until staff fill them in, the reuse terms and how figures are checked; every page links to it', () => {
  const about = page(routes.about());
  const text = visibleText(about);
  expect(model.siteSettings.organiser).toBeUndefined();
  expect(text).toMatch(/主办单位\s*未填写/);
  expect(text).toMatch(/联系方式\s*未填写/);
  expect(text).toContain('照录所引的公开文件');
  expect(text).toContain('数字如何核对');
  for (const p of pages.filter((x) => !x.url.startsWith(routes.embeds())))
    expect(p.root.querySelector(`footer a[href="${routes.about()}"]`), p.url).toBeTruthy();
});
