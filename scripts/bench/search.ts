/**
 * `npm run bench:search`: measures the site's search against the query set in
 * test/search/queries.json, and Pagefind (extended build, Chinese
 * segmentation) indexing the very same records, in headless Chromium:
 * hit@1, hit@5, MRR, zero-result queries and deep links per kind of query,
 * bytes a cold first query downloads (gzip-compressed) and query latency.
 * Builds the site into a temporary directory first. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Page } from 'playwright-core';
import { currentSearchRecords, traditionalTable } from '../../src/integrations/search-index.ts';
import { textFolder } from '../../src/lib/search/search-text.ts';
import {
  allQueryCases,
  cardQuality,
  outcomeOf,
  qualityByKind,
  searchQuality,
  type QueryOutcome,
  type SearchQueryCase,
  type ShownCard,
} from './search-evaluation.ts';
import { coldQueryCost } from './search-cost.ts';
import { launchBrowser } from '../../test/support/browser.ts';
import { serveStatic } from '../../test/support/static-server.ts';

const cases: SearchQueryCase[] = allQueryCases((file) => readFileSync(file, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'bench-search-'));
const site = join(work, 'site');

const built = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
  env: { ...process.env, OUT_DIR: site, ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
});
if (built.status !== 0) {
  console.error(built.stdout, built.stderr);
  process.exit(1);
}

// Pagefind over the same records, behind a bare page that exposes its search, served apart from the site
// so that the site's security headers (whose CSP refuses WebAssembly) do not apply to it.
const records = currentSearchRecords();
// Pagefind gets the query folded as the site folds it: width, case, traditional and variant characters.
const traditional = traditionalTable();
const foldForPagefind = textFolder((ch) => traditional.get(ch));
const pagefindRoot = join(work, 'pagefind-root');
const pagefindDir = join(pagefindRoot, 'pagefind-bench');
mkdirSync(pagefindDir, { recursive: true });
const created = await pagefind.createIndex({ forceLanguage: 'zh' });
if (!created.index) throw new Error(created.errors.join('; '));
for (const record of records) {
  const added = await created.index.addCustomRecord({
    url: record.url,
    content: `${record.title}\n${record.content}`,
    language: 'zh',
    meta: { title: record.title },
  });
  if (added.errors.length) throw new Error(added.errors.join('; '));
}
const written = await created.index.writeFiles({ outputPath: join(pagefindDir, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('; '));
await pagefind.close();
writeFileSync(join(pagefindDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>pagefind</title>');

const server = await serveStatic(site);
const pagefindServer = await serveStatic(pagefindRoot);
const browser = await launchBrowser();
const gz = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Bytes (gzip) of every response while `action` runs. */
async function bytesDuring(page: Page, action: () => Promise<unknown>): Promise<{ bytes: number; files: string[] }> {
  const seen: Promise<{ url: string; size: number }>[] = [];
  const listener = (response: import('playwright-core').Response) =>
    seen.push(
      response.body().then(
        (body) => ({ url: new URL(response.url()).pathname, size: gz(body) }),
        () => ({ url: response.url(), size: 0 }),
      ),
    );
  page.on('response', listener);
  await action();
  page.off('response', listener);
  const all = await Promise.all(seen);
  return { bytes: all.reduce((sum, r) => sum + r.size, 0), files: all.map((r) => r.url) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureSite() {
  const page = await browser.newPage();
  const pageLoad = await bytesDuring(page, () => page.goto(`${server.url}/search/`, { waitUntil: 'load' }));
  const run = async (query: string) => {
    await page.fill('#search-page-input', query);
    const started = Date.now();
    await page.evaluate(() => (document.getElementById('search-status')!.textContent = ''));
    await page.press('#search-page-input', 'Enter');
    await page.waitForFunction(() => /^(找到|没有找到)/.test(document.getElementById('search-status')?.textContent ?? ''));
    const elapsed = Date.now() - started;
    const urls = await page.$$eval('#search-results li h2 a', (links) => links.map((a) => a.getAttribute('href')!));
    const card = await page.$eval('#search-answer', (el) =>
      (el as HTMLElement).hidden ? undefined : { kind: (el as HTMLElement).dataset.kind ?? '', text: el.textContent ?? '' },
    );
    return { urls, elapsed, card };
  };
  const first = await bytesDuring(page, () => run(cases[0]!.query));
  const outcomes: QueryOutcome[] = [];
  const latencies: number[] = [];
  const cards: ShownCard[] = [];
  for (const c of cases) {
    const { urls, elapsed, card } = await run(c.query);
    outcomes.push(outcomeOf(c, urls));
    latencies.push(elapsed);
    cards.push(card);
  }
  await page.close();
  return {
    cards,
    outcomes,
    quality: searchQuality(outcomes),
    firstQueryBytes: first.bytes,
    pageScriptBytes: pageLoad.bytes,
    firstQueryFiles: first.files,
    latency: median(latencies),
  };
}

async function measurePagefind() {
  const page = await browser.newPage();
  await page.goto(`${pagefindServer.url}/pagefind-bench/`, { waitUntil: 'load' });
  const search = (query: string) =>
    page.evaluate(async (q) => {
      const w = window as unknown as {
        pf?: {
          options: (o: object) => Promise<void>;
          search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>;
        };
      };
      if (!w.pf) {
        w.pf = await import('/pagefind-bench/pagefind/pagefind.js' as string);
        // Result URLs as indexed, not prefixed with where the bundle happens to live.
        await w.pf!.options({ baseUrl: '/' });
      }
      const started = performance.now();
      const found = await w.pf!.search(q);
      const urls = await Promise.all(found.results.slice(0, 10).map(async (r) => (await r.data()).url));
      return { urls, elapsed: performance.now() - started };
    }, query);
  const first = await bytesDuring(page, () => search(foldForPagefind(cases[0]!.query)));
  const outcomes: QueryOutcome[] = [];
  const latencies: number[] = [];
  for (const c of cases) {
    const { urls, elapsed } = await search(foldForPagefind(c.query));
    outcomes.push(outcomeOf(c, urls));
    latencies.push(elapsed);
  }
  await page.close();
  return {
    outcomes,
    quality: searchQuality(outcomes),
    firstQueryBytes: first.bytes,
    firstQueryFiles: first.files,
    latency: median(latencies),
  };
}

const ours = await measureSite();
const theirs = await measurePagefind();
await browser.close();
await server.close();
await pagefindServer.close();
// What each query alone downloads on a page that has not searched yet (the site's own code over the built files).
const costs = [];
for (const c of cases) costs.push(await coldQueryCost(site, c.query));
rmSync(work, { recursive: true, force: true });

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`query set: ${cases.length} queries, ${records.length} records`);
console.log(
  '| kind | queries | site hit@1 | site hit@5 | site MRR | site zero results | Pagefind hit@1 | Pagefind hit@5 | Pagefind MRR | Pagefind zero results |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const mine = qualityByKind(cases, ours.outcomes);
const pagefindByKind = qualityByKind(cases, theirs.outcomes);
mine.forEach(({ kind, quality: q }, i) => {
  const p = pagefindByKind[i]!.quality;
  console.log(
    `| ${kind} | ${q.queries} | ${pct(q.hitAt1)} | ${pct(q.hitAt5)} | ${q.mrr.toFixed(3)} | ${q.zeroResults} | ${pct(p.hitAt1)} | ${pct(p.hitAt5)} | ${p.mrr.toFixed(3)} | ${p.zeroResults} |`,
  );
});
const coldBytes = costs.map((c) => c.gzipBytes).sort((a, b) => a - b);
console.log('');
console.log('| engine | first result deep-links | cold first query (gzip) | median query latency |');
console.log('| --- | --- | --- | --- |');
console.log(
  `| site search | ${pct(ours.quality.deepLinkAt1)} | ${kb(ours.firstQueryBytes)} in the page (+ ${kb(ours.pageScriptBytes)} search page); any one query cold: median ${kb(median(coldBytes))}, max ${kb(coldBytes.at(-1)!)} | ${ours.latency} ms (typed into the page, incl. rendering) |`,
);
console.log(
  `| Pagefind 1.5 extended | ${pct(theirs.quality.deepLinkAt1)} | ${kb(theirs.firstQueryBytes)} | ${theirs.latency.toFixed(0)} ms (search() and result data) |`,
);
const cardsShown = cardQuality(cases, ours.cards);
console.log('');
console.log('| answer cards | questions | shown and correct | shown and wrong | not shown | rightly none |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(
  `| site search | ${cardsShown.queries} | ${cardsShown.shownAndCorrect} | ${cardsShown.shownAndWrong} | ${cardsShown.notShown} | ${cardsShown.rightlyNone} |`,
);
for (const wrong of cardsShown.wrong) console.log(`  wrong card: ${wrong}`);
const costliest = costs.map((c, i) => ({ ...c, query: cases[i]!.query })).sort((a, b) => b.gzipBytes - a.gzipBytes)[0]!;
console.log(`\ncostliest cold query: ${costliest.query}, ${kb(costliest.gzipBytes)} in ${costliest.files.length} files`);
for (const [name, result] of [
  ['site search', ours],
  ['Pagefind', theirs],
] as const) {
  if (result.quality.misses.length === 0) continue;
  // Held-out queries are counted, never listed: whoever tunes the engine or the everyday-word resource must not see them.
  const heldOut = new Set(cases.filter((c) => c.heldOut).map((c) => c.query));
  const listed = result.quality.misses.filter((miss) => !heldOut.has(miss.query));
  console.log(
    `\n${name} misses (no acceptable result in the top five; ${result.quality.misses.length - listed.length} held-out misses not listed):`,
  );
  for (const miss of listed) console.log(`  ${miss.query} → ${miss.top.slice(0, 3).join(' ') || '(no results)'}`);
}
