/**
 * `npm run bench [-- sizes…] [--site <dir>]`: builds the site from the
 * synthetic corpus at several sizes (default 1, 10 and province = 500) and
 * prints, per size: wall time, pages per second, peak RSS of the largest
 * process, dist/ size, search index size, bytes a cold first search
 * downloads, the largest HTML page and search quality on the query set; then
 * how each grows with size. As a speed reference it builds the same corpus's
 * text as a plain Hugo site (Debian's `hugo` package), indexes Hugo's output
 * with Pagefind (the `pagefind` package), and prints our time as a ratio of
 * the two. `--site <dir>` builds another checkout of this site (its own
 * `npm run build`) instead of this one, so two versions can be compared in
 * one session. A benchmark to read, not a test: nothing here fails on a slow
 * machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { PROVINCE_SCALE } from '../corpus/synthetic-corpus.ts';
import { coldQueryCost } from './search-cost.ts';
import { provinceSearchQuality } from './search-quality.ts';
import { hugoSite } from './hugo-site.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';

const { values: options, positionals: args } = parseArgs({ allowPositionals: true, options: { site: { type: 'string', default: '.' } } });
const siteDir = resolve(options.site);
const sizes = (args.length ? args : ['1', '10', 'province']).map((s) => (s === 'province' ? PROVINCE_SCALE : Number(s)));
const PAGEFIND = resolve('node_modules/.bin/pagefind');
const queries: { query: string }[] = JSON.parse(readFileSync('test/search/queries.json', 'utf8'));
const GNU_TIME = '/usr/bin/time';
const work = mkdtempSync(join(tmpdir(), 'bench-'));

const bytesOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Runs a command and measures its wall time and, through GNU time, the peak
 * RSS of the largest process it ran: time reports the maximum resident set
 * of the command and its waited-for descendants (getrusage RUSAGE_CHILDREN
 * keeps the largest, it does not add them up).
 */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): { seconds: number; peakKb: number | undefined; output: string } {
  const rssFile = join(work, 'rss');
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-3000)}`);
  return { seconds, peakKb: timed ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : undefined, output };
}

function corpusCounts(dir: string) {
  const rows = readdirSync(join(dir, 'tasks')).reduce((sum, f) => sum + readFileSync(join(dir, 'tasks', f), 'utf8').trim().split('\n').length - 1, 0);
  return { policies: readdirSync(join(dir, 'policies')).length, briefings: readdirSync(join(dir, 'briefings')).length, taskRows: rows };
}

interface Row {
  size: number;
  policies: number;
  briefings: number;
  taskRows: number;
  pages: number;
  seconds: number;
  peakKb: number | undefined;
  distBytes: number;
  indexBytes: number;
  indexFiles: number;
  queryKb: { median: number; max: number };
  largest: { kb: number; path: string };
  hitAt5: number;
  hugo?: { seconds: number; pagefindSeconds: number; pagefindPeakKb: number | undefined };
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mb(totalmem())} MB RAM; Node ${process.version}; Astro ${JSON.parse(readFileSync(join(siteDir, 'node_modules/astro/package.json'), 'utf8')).version}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`site: ${siteDir}${spawnSync('git', ['-C', siteDir, 'log', '-1', '--format= (%h %s)'], { encoding: 'utf8' }).stdout.trim()}`);
const hugoPath = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim();
if (!hugoPath) console.log('Hugo reference skipped: `hugo` is not installed (Debian: apt-get install hugo).');
else console.log(`${spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim()}; ${spawnSync(PAGEFIND, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);

const rows: Row[] = [];
for (const size of sizes) {
  const corpus = join(work, `corpus-${size}`);
  writeCorpus(size, corpus);
  const out = join(work, `site-${size}`);
  const env = { ...process.env, CONTENT_DIR: corpus, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, `cache-${size}`), ASTRO_TELEMETRY_DISABLED: '1' };
  // The same command staff and CI run, with its memory settings; a fresh cache each time.
  const build = measure('npm', ['run', '--silent', 'build'], env, siteDir);
  const files = filesUnder(out);
  const html = files.filter((f) => f.endsWith('.html'));
  const largest = html.map((f) => ({ path: f.slice(out.length), bytes: statSync(f).size })).sort((a, b) => b.bytes - a.bytes)[0]!;
  const indexFiles = filesUnder(join(out, 'search-index'));
  const costs = await Promise.all(queries.map((q) => coldQueryCost(out, q.query)));
  const row: Row = {
    size,
    ...corpusCounts(corpus),
    pages: html.length,
    seconds: build.seconds,
    peakKb: build.peakKb,
    distBytes: bytesOf(files),
    indexBytes: bytesOf(indexFiles),
    indexFiles: indexFiles.length,
    queryKb: { median: median(costs.map((c) => c.gzipBytes)) / 1024, max: Math.max(...costs.map((c) => c.gzipBytes)) / 1024 },
    largest: { kb: largest.bytes / 1024, path: largest.path },
    hitAt5: (await provinceSearchQuality(out)).hitAt5,
  };
  if (hugoPath) {
    const site = join(work, `hugo-${size}`);
    hugoSite(corpus, site);
    const hugo = measure('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], process.env);
    // The usual search for a Hugo site: Pagefind over the built pages.
    const pagefind = measure(PAGEFIND, ['--quiet', '--site', join(site, 'public')], process.env);
    row.hugo = { seconds: hugo.seconds, pagefindSeconds: pagefind.seconds, pagefindPeakKb: pagefind.peakKb };
    rmSync(site, { recursive: true, force: true });
  }
  rows.push(row);
  rmSync(out, { recursive: true, force: true });
  console.log(`${size}×: built ${row.pages} pages in ${row.seconds.toFixed(1)} s`);
}
rmSync(work, { recursive: true, force: true });

const table = [
  ['size', 'policies', 'briefings', 'task rows', 'pages', 'wall s', 'pages/s', 'peak RSS MB', 'dist MB', 'search index MB (files)', 'cold query KB gz median/max', 'largest HTML KB', 'search hit@5', 'Hugo + Pagefind s', 'Pagefind peak RSS MB', 'ours ÷ (Hugo + Pagefind)'],
  ...rows.map((r) => [
    `${r.size}×`, String(r.policies), String(r.briefings), String(r.taskRows), String(r.pages), r.seconds.toFixed(1), (r.pages / r.seconds).toFixed(0),
    r.peakKb === undefined ? 'n/a' : (r.peakKb / 1024).toFixed(0), mb(r.distBytes), `${mb(r.indexBytes)} (${r.indexFiles})`,
    `${r.queryKb.median.toFixed(0)} / ${r.queryKb.max.toFixed(0)}`, r.largest.kb.toFixed(0), `${(r.hitAt5 * 100).toFixed(0)}%`,
    r.hugo ? `${r.hugo.seconds.toFixed(1)} + ${r.hugo.pagefindSeconds.toFixed(1)}` : 'n/a',
    r.hugo?.pagefindPeakKb === undefined ? 'n/a' : (r.hugo.pagefindPeakKb / 1024).toFixed(0),
    r.hugo ? (r.seconds / (r.hugo.seconds + r.hugo.pagefindSeconds)).toFixed(2) : 'n/a',
  ]),
];
const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
console.log(['', line(table[0]!), line(table[0]!.map(() => '---')), ...table.slice(1).map(line)].join('\n'));
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1]!, rows[i]!];
  const rss = a.peakKb && b.peakKb ? `, peak RSS ×${(b.peakKb / a.peakKb).toFixed(2)}` : '';
  console.log(`${a.size}× → ${b.size}×: pages ×${(b.pages / a.pages).toFixed(2)}, wall time ×${(b.seconds / a.seconds).toFixed(2)}${rss}, largest page ×${(b.largest.kb / a.largest.kb).toFixed(2)}`);
}
for (const r of rows) console.log(`largest HTML at ${r.size}×: ${r.largest.path} (${r.largest.kb.toFixed(0)} KB)`);
