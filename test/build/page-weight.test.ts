/**
 * Page weight budgets, per template, as a reader's browser would transfer it
 * (gzip): the HTML plus every stylesheet and script it loads, search index
 * excluded. Text pages ≤ 50 KB, chart pages ≤ 150 KB. Prints the weights.
 * And no HTML page over 250 KB uncompressed, whatever its template: long
 * listings and task lists are paginated so old phones can open every page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, test } from 'vitest';
import { builtPages, pageAssets, type BuiltPage } from '../support/site.ts';

const siteDir = inject('siteDir');
const pages = builtPages(siteDir);
const gz = (path: string) => gzipSync(readFileSync(join(siteDir, path)), { level: 9 }).length;

function transfer(page: BuiltPage): number {
  return gz(page.file) + pageAssets(siteDir, page).reduce((sum, path) => sum + gz(path), 0);
}

const TEMPLATES: { name: string; pattern: RegExp; budget: number }[] = [
  { name: '首页', pattern: /^\/$/, budget: 50 },
  { name: '政策文件', pattern: /^\/policies\/[^/]+\/$/, budget: 50 },
  { name: '政策列表', pattern: /^\/policies\/$/, budget: 50 },
  { name: '工作简报（含图表）', pattern: /^\/briefings\/[^/]+\/$/, budget: 150 },
  { name: '任务清单（含图表）', pattern: /^\/tasks\/[^/]+\/$/, budget: 150 },
  { name: '任务列表', pattern: /^\/tasks\/$/, budget: 50 },
  { name: '简报列表', pattern: /^\/briefings\/$/, budget: 50 },
  { name: '指标', pattern: /^\/indicators\/[^/]+\/$/, budget: 50 },
  { name: '地区', pattern: /^\/regions\/[^/]+\/$/, budget: 50 },
  { name: '指标·地区', pattern: /^\/indicators\/[^/]+\/[^/]+\/$/, budget: 50 },
  { name: '跟踪清单', pattern: /^\/trackers\/[^/]+\/$/, budget: 50 },
  { name: '跟踪清单·地区（含图表）', pattern: /^\/trackers\/[^/]+\/[^/]+\/$/, budget: 150 },
  { name: '图表', pattern: /^\/charts\/[^/]+\/$/, budget: 150 },
  { name: '统计数据', pattern: /^\/statistics\/$/, budget: 50 },
  { name: '统计数据·地区', pattern: /^\/statistics\/[^/]+\/$/, budget: 150 },
  { name: '统计口径', pattern: /^\/methodology\/$/, budget: 50 },
  { name: '数据下载', pattern: /^\/data\/$/, budget: 50 },
  { name: '搜索', pattern: /^\/search\/$/, budget: 50 },
];

test('every template stays within its page-weight budget', () => {
  const rows: string[] = [];
  const over: string[] = [];
  for (const template of TEMPLATES) {
    const matching = pages.filter((p) => template.pattern.test(p.url));
    expect(matching.length, template.name).toBeGreaterThan(0);
    const heaviest = matching.map((p) => ({ url: p.url, kb: transfer(p) / 1024 })).sort((a, b) => b.kb - a.kb)[0]!;
    rows.push(`${template.name.padEnd(12, '　')} ${heaviest.kb.toFixed(1).padStart(6)} KB / ${template.budget} KB  ${heaviest.url}`);
    if (heaviest.kb > template.budget) over.push(`${template.name} ${heaviest.url}: ${heaviest.kb.toFixed(1)} KB > ${template.budget} KB`);
  }
  console.log(`heaviest page per template (gzip, HTML + CSS + JS):\n${rows.join('\n')}`);
  expect(over).toEqual([]);
});

test('no HTML page is over 250 KB uncompressed', () => {
  const over = pages.map((p) => ({ url: p.url, kb: readFileSync(join(siteDir, p.file)).length / 1024 })).filter((p) => p.kb > 250);
  expect(over).toEqual([]);
});
