/**
 * `npm run bench:lighthouse [-- --site <dir>] [--runs <n>] [--page <path>…]`:
 * Lighthouse 12.2.3 with its default mobile emulation (Moto G class phone,
 * slow 4G, 4× CPU slowdown, simulated) on one page of every template (or the
 * pages given) of the built site, served gzip-compressed on 127.0.0.1 as a
 * production host would, to Debian's Chromium. Prints the accessibility
 * and performance scores and the metrics behind performance; with several
 * runs, the run with the median performance score. Builds the site into a
 * temporary directory first unless --site names a built one. A benchmark, not
 * a test: it times things.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM } from '../../test/support/browser.ts';
import { serveStatic } from '../../test/support/static-server.ts';
import { TEMPLATE_PAGES } from '../../test/support/templates.ts';

const { values: options } = parseArgs({
  options: { site: { type: 'string' }, runs: { type: 'string', default: '1' }, page: { type: 'string', multiple: true } },
});
const runs = Math.max(1, Number(options.runs));

let site = options.site;
let work: string | undefined;
if (!site) {
  work = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  site = join(work, 'site');
  const built = spawnSync(process.execPath, ['--max-old-space-size=1280', 'node_modules/astro/bin/astro.mjs', 'build'], {
    env: { ...process.env, OUT_DIR: site, ASTRO_CACHE_DIR: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    console.error(built.stdout, built.stderr);
    process.exit(1);
  }
}

interface Result {
  url: string;
  accessibility: number;
  performance: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
}

const server = await serveStatic(site, '/', { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const results: Result[] = [];
try {
  for (const url of options.page ?? TEMPLATE_PAGES) {
    const attempts: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const outcome = await lighthouse(`${server.url}${url}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['accessibility', 'performance'],
      });
      const lhr = outcome!.lhr;
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      attempts.push({
        url,
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        failing: (lhr.categories.accessibility?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
          .map((ref) => ref.id),
      });
    }
    attempts.sort((a, b) => a.performance - b.performance);
    const median = attempts[Math.floor(attempts.length / 2)]!;
    results.push(median);
    console.error(`${url}  a11y ${median.accessibility}  perf ${median.performance}`);
  }
} finally {
  chrome.kill();
  await server.close();
  if (work) rmSync(work, { recursive: true, force: true });
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.log(
  `\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile emulation, ${runs} run(s) per page${runs > 1 ? ' (median by performance)' : ''}\n`,
);
console.log('| page | accessibility | performance | FCP s | LCP s | TBT ms | CLS |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| \`${decodeURI(r.url)}\` | ${r.accessibility}${r.failing.length ? ` (${r.failing.join(', ')})` : ''} | ${r.performance} | ${seconds(r.fcp)} | ${seconds(r.lcp)} | ${Math.round(r.tbt)} | ${r.cls.toFixed(3)} |`,
  );
}
