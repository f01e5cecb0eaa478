/**
 * The real content, built once (see support/global-setup.ts), checked the way a
 * reader and a journalist would use the site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import Papa from 'papaparse';
import { builtPages, siteFiles, visibleText, type BuiltPage } from '../support/site.ts';
import { PROJECT_ROOT, TEST_SITE_URL } from '../support/astro-build.ts';
import { TABLE_DATASET_PATHS, TASK_LIST_TABLE, tableOfDataset } from '../../src/schemas/datasets.ts';
import type { TableDefinition } from '../../src/schemas/table.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import type { ContentModel } from '../../src/lib/content/content-model.ts';
import { neutraliseFormula } from '../../src/lib/csv-output.ts';
import { taskRowLinks } from '../../src/lib/pagination.ts';

const siteDir = inject('siteDir');
let pages: BuiltPage[];
let byUrl: Map<string, BuiltPage>;
let model: ContentModel;

beforeAll(() => {
  pages = builtPages(siteDir);
  byUrl = new Map(pages.map((p) => [p.url, p]));
  const result = validateContent(readContentFiles(join(PROJECT_ROOT, 'content')));
  expect(result.issues).toEqual([]);
  model = result.model;
});

const page = (url: string) => {
  const found = byUrl.get(url);
  if (!found) throw new Error(`no page at ${url}`);
  return found;
};
const csvRows = (path: string) => {
  const text = readFileSync(join(siteDir, path), 'utf8');
  expect(text.startsWith('\uFEFF'), `${path} starts with a BOM so Excel reads UTF-8`).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

test('every page is Simplified Chinese with a title and one h1', () => {
  expect(pages.length).toBeGreaterThan(40);
  for (const p of pages) {
    expect(p.root.querySelector('html')?.getAttribute('lang'), p.url).toBe('zh-CN');
    expect(p.root.querySelector('title')?.textContent.trim(), p.url).not.toBe('');
    expect(p.root.querySelectorAll('h1'), p.url).toHaveLength(1);
  }
});

test('every policy has a page with its title, 文号 and issuing bodies', () => {
  expect(model.policies.length).toBeGreaterThan(0);
  for (const policy of model.policies) {
    const text = visibleText(page(`/policies/${policy.id}/`));
    expect(text).toContain(policy.data.title);
    if (policy.data.docNumber) expect(text).toContain(policy.data.docNumber);
    for (const issuer of policy.data.issuer) expect(text).toContain(issuer);
    expect(visibleText(page('/policies/'))).toContain(policy.data.title);
  }
});

test('every heading of every document carries the anchor the content model computed, and its former Chinese anchor', () => {
  for (const [kind, documents] of [
    ['policies', model.policies],
    ['briefings', model.briefings],
  ] as const) {
    for (const document of documents) {
      const headings = page(`/${kind}/${document.id}/`).root.querySelectorAll('.prose :is(h1,h2,h3,h4,h5,h6)');
      expect(
        headings.map((h) => h.id),
        document.id,
      ).toEqual(document.headings.map((h) => h.anchor));
      expect(
        headings.map((h) => h.querySelector('.anchor-alias')?.id),
        document.id,
      ).toEqual(document.headings.map((h) => h.alias));
      for (const id of headings.map((h) => h.id)) expect(id, document.id).toMatch(/^[a-z0-9-]+$/);
    }
  }
});

test('every briefing has a page listing its 期号, date, 报送 and 抄送', () => {
  for (const briefing of model.briefings) {
    const text = visibleText(page(`/briefings/${briefing.id}/`));
    expect(text).toContain(`第${briefing.data.issue}期`);
    for (const value of [briefing.data.submittedTo, briefing.data.copiedTo]) if (value) expect(text).toContain(value);
  }
});

describe('task lists', () => {
  test('the two 青山湖 attachments are published in full: 143 and 58 rows', () => {
    const counts = Object.fromEntries(model.taskLists.map((list) => [list.id, list.rows.length]));
    expect(counts).toMatchObject({ 'qingshanhu-2023-zhibiao-renwu': 143, 'qingshanhu-2023-zhuanxiang-xingdong': 58 });
  });

  test("each list's pages have one linkable row per task, in number order, where every link to a row points", () => {
    for (const list of model.taskLists) {
      const listPages = pages.filter((p) => p.url === `/tasks/${list.id}/` || new RegExp(`^/tasks/${list.id}/\\d+/$`).test(p.url));
      const shown = listPages.flatMap((p) => p.root.querySelectorAll('tbody tr[id]').map((r) => `${p.url}#${r.id}`));
      const links = taskRowLinks(
        list.id,
        list.rows.map((r) => r.data.number),
      );
      expect(shown).toEqual([...list.rows].sort((a, b) => a.data.number - b.data.number).map((r) => links.get(r.data.number)));
    }
  });
});

describe('data downloads', () => {
  test('every dataset is downloadable as CSV and JSON with exactly the source rows, units in the headers and names beside codes', () => {
    const datasets = [
      ...model.taskLists.map((list) => ({
        path: `tasks/${list.id}`,
        file: `tasks/${list.id}.csv`,
        table: TASK_LIST_TABLE as TableDefinition,
      })),
      ...TABLE_DATASET_PATHS.map((path) => ({ path, file: `${path}.csv`, table: tableOfDataset(path)! })),
    ];
    for (const { path, file, table } of datasets) {
      const source = Papa.parse<string[]>(readFileSync(join(PROJECT_ROOT, 'content', file), 'utf8'), { skipEmptyLines: true }).data;
      const published = csvRows(`data/${path}.csv`);
      const headers = published[0]!;
      // The source's own columns, in order, each header with its unit where it has one.
      const ownColumns = source[0]!.map((header) => {
        const column = table.columns.find((c) => c.header === header.trim())!;
        const shown = column.unit ? `${column.header}（${column.unit}）` : column.header;
        expect(headers, path).toContain(shown);
        return headers.indexOf(shown);
      });
      expect(
        published.slice(1).map((row) => ownColumns.map((i) => row[i])),
        path,
      ).toEqual(source.slice(1).map((row) => row.map((cell) => neutraliseFormula(cell.trim()))));
      // Beside every code its name, filled wherever the code is.
      for (const column of table.columns.filter((c) => c.kind === 'id' && c.refersTo && headers.includes(c.header))) {
        const nameHeader = headers[headers.indexOf(column.header) + 1]!;
        expect(nameHeader, path).toMatch(new RegExp(`^${column.header}(名称|标题)$`));
        for (const row of published.slice(1))
          if (row[headers.indexOf(column.header)]) expect(row[headers.indexOf(nameHeader)], `${path} ${nameHeader}`).not.toBe('');
      }
      const json = JSON.parse(readFileSync(join(siteDir, `data/${path}.json`), 'utf8'));
      expect(json.rows, path).toHaveLength(source.length - 1);
      expect(
        json.columns.map((c: { header: string }) => c.header),
        path,
      ).toEqual(headers);
      // Tables are listed on the data page; each task list's downloads are on the task list index.
      const listedOn = path.startsWith('tasks/') ? pages.filter((p) => /^\/tasks\/(\d+\/)?$/.test(p.url)) : [page('/data/')];
      expect(
        listedOn.some((p) => p.root.querySelector(`a[href="/data/${path}.csv"]`)),
        path,
      ).toBe(true);
    }
  });

  test('a journalist quoting a published figure gets names, the source section and its address from the CSV', () => {
    const [headers, ...rows] = csvRows('data/tables/progress.csv');
    const row = Object.fromEntries(headers!.map((h, i) => [h, rows.find((r) => r[0] === 'longnan-2023-07-31-disanfang-zhenggai')![i]]));
    expect(row).toMatchObject({
      地区名称: '龙南市',
      跟踪事项名称: '第三方评价反馈问题整改',
      '公布完成率（%）': '89.5',
      '总数（项）': '105',
      来源简报标题: '龙南营商环境“一号改革工程”工作简报 第3期',
      来源章节: '事项清单',
    });
    // The row cites the section by its former anchor; the address is the section's ASCII anchor.
    expect(row['来源章节地址']).toBe(`${TEST_SITE_URL}briefings/longnan-jianbao-2023-03/#shixiangqingdan`);
    expect(page('/data/').root.querySelector('#tables-progress')!.textContent).toContain('派生');
  });

  test('the original extracted texts are published unchanged', () => {
    for (const file of siteFiles(join(PROJECT_ROOT, 'content', 'sources')).filter((f) => f.endsWith('.txt'))) {
      expect(readFileSync(join(siteDir, 'sources', file), 'utf8')).toBe(
        readFileSync(join(PROJECT_ROOT, 'content', 'sources', file), 'utf8'),
      );
    }
  });
});

test('every internal link and #anchor resolves', () => {
  const files = new Set(siteFiles(siteDir));
  const broken: string[] = [];
  for (const p of pages) {
    for (const a of p.root.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (/^(https?:|mailto:)/.test(href)) continue;
      if (href.startsWith('#')) {
        if (!p.root.getElementById(decodeURIComponent(href.slice(1)))) broken.push(`${p.url} → ${href} (no such anchor)`);
        continue;
      }
      const url = new URL(href, `http://site${p.url}`);
      const path = decodeURIComponent(url.pathname);
      const target = path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1);
      if (!files.has(target)) {
        broken.push(`${p.url} → ${href} (no file)`);
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        const targetPage = byUrl.get(path.endsWith('/') ? path : path.replace(/\.html$/, ''));
        if (!targetPage?.root.getElementById(id)) broken.push(`${p.url} → ${href} (no #${id})`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test('a missing page gets the Chinese 404 page', () => {
  expect(visibleText(page('/404'))).toContain('找不到这个页面');
});
