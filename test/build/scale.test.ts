/**
 * A larger site than today's content, built once: a synthetic corpus of 26
 * county-years with one task list lengthened to 450 rows. Listings and long
 * task lists split into pages whose links all resolve, every row is on
 * exactly one page, and no page passes the 250 KB budget.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { astroBuild } from '../support/astro-build.ts';
import { builtPages, siteFiles, type BuiltPage } from '../support/site.ts';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { TASK_ROWS_PER_PAGE, taskRowLinks } from '../../src/lib/pagination.ts';

const work = mkdtempSync(join(tmpdir(), 'scale-'));
const contentDir = join(work, 'content');
const outDir = join(work, 'dist');
const LONG_LIST = 'qingshanhu-2023-zhibiao-renwu';
const LONG_ROWS = 450;
let pages: BuiltPage[];

beforeAll(() => {
  writeCorpus(26, contentDir);
  const file = join(contentDir, 'tasks', `${LONG_LIST}.csv`);
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const longer = Array.from({ length: LONG_ROWS }, (_, i) => [String(i + 1), ...rows[i % rows.length]!.slice(1)]);
  writeFileSync(file, Papa.unparse([header!, ...longer]));
  const built = astroBuild({ contentDir, outDir });
  expect(built.status, built.output).toBe(0);
  pages = builtPages(outDir);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (url: string) => pages.find((p) => p.url === url);

test('listings split into pages of 100, each linking to the others', () => {
  for (const base of ['/policies/', '/briefings/']) {
    const second = page(`${base}2/`);
    expect(second, base).toBeTruthy();
    expect(page(base)!.root.querySelectorAll('tbody tr')).toHaveLength(100);
    expect(second!.root.querySelector(`nav.pagination a[href="${base}"]`)).toBeTruthy();
    expect(page(base)!.root.querySelector(`nav.pagination a[href="${base}2/"][rel="next"]`)).toBeTruthy();
  }
});

test('a long task list shows every row exactly once, on the page every link to it names', () => {
  const listPages = pages.filter((p) => p.url.startsWith(`/tasks/${LONG_LIST}/`));
  expect(listPages).toHaveLength(Math.ceil(LONG_ROWS / TASK_ROWS_PER_PAGE));
  const shown = listPages.flatMap((p) => p.root.querySelectorAll('tbody tr[id]').map((r) => `${p.url}#${r.id}`)).sort();
  const links = taskRowLinks(
    LONG_LIST,
    Array.from({ length: LONG_ROWS }, (_, i) => i + 1),
  );
  expect(shown).toEqual([...links.values()].sort());
  expect(page(`/tasks/${LONG_LIST}/2/`)!.root.querySelector('figure[data-chart]'), 'charts are on the first page only').toBeNull();
});

test('every internal page link resolves and no page is over 250 KB', () => {
  const files = new Set(siteFiles(outDir));
  const broken = pages.flatMap((p) =>
    p.root
      .querySelectorAll('a[href^="/"]')
      .map((a) => new URL(a.getAttribute('href')!, 'http://site').pathname)
      .map((path) => decodeURIComponent(path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1)))
      .filter((target) => !files.has(target))
      .map((target) => `${p.url} → ${target}`),
  );
  expect([...new Set(broken)]).toEqual([]);
  expect(pages.filter((p) => readFileSync(join(outDir, p.file)).length > 250 * 1024).map((p) => p.url)).toEqual([]);
});
