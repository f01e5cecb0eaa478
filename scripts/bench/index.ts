/**
 * `npm run bench [-- sizes…] [--runs 3] [--site <dir>]`: builds the site from
 * the synthetic corpus at several sizes (default 1, 10 and province = 500),
 * each several times from a cold cache, and prints, per size: wall time
 * (median, fastest and slowest run), the time of each phase of the build (as
 * the build itself logs them), peak RSS of the largest process, dist/ size
 * and file count, search index size, bytes a cold first search downloads, the
 * largest HTML page and search quality on the query set; the machine's load
 * before and after each run; then how each grows with size. As a speed reference it builds the same corpus's
 * text as a plain Hugo site (Debian's `hugo` package), indexes Hugo's output
 * with Pagefind (the `pagefind` package), as many times, alternating with
 * our builds so that both see the same machine, and prints our time as a
 * ratio of the two: run by run, then median and spread. `--site <dir>` builds another checkout of this site (its own
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
import { measuredRun } from './measured-run.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';
import { phaseSpreads, spreadOf, spreadText, type PhaseDuration } from '../../src/lib/build-phases.ts';
import { BUILD_PHASES_FILE } from '../../src/integrations/build-phases.ts';

const { values: options, positionals: args } = parseArgs({
  allowPositionals: true,
  options: { site: { type: 'string', default: '.' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(options.runs);
const siteDir = resolve(options.site);
const sizes = (args.length ? args : ['1', '10', 'province']).map((s) => (s === 'province' ? PROVINCE_SCALE : Number(s)));
const PAGEFIND = resolve('node_modules/.bin/pagefind');
const queries: { query: string }[] = JSON.parse(readFileSync('test/search/queries.json', 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'bench-'));

const bytesOf = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function corpusCounts(dir: string) {
  const rows = readdirSync(join(dir, 'tasks')).reduce(
    (sum, f) =>
      sum +
      readFileSync(join(dir, 'tasks', f), 'utf8')
        .trim()
        .split('\n').length -
      1,
    0,
  );
  return { policies: readdirSync(join(dir, 'policies')).length, briefings: readdirSync(join(dir, 'briefings')).length, taskRows: rows };
}

const load = () => loadavg()[0]!.toFixed(2);

interface Run {
  seconds: number;
  peakKb: number | undefined;
  phases: PhaseDuration[];
  /** The load average (1 minute) when the run started and when it ended. */
  load: [string, string];
  hugo?: { seconds: number; pagefindSeconds: number; pagefindPeakKb: number | undefined };
}

interface Row {
  size: number;
  policies: number;
  briefings: number;
  taskRows: number;
  pages: number;
  runs: Run[];
  distBytes: number;
  distFiles: number;
  indexBytes: number;
  indexFiles: number;
  queryKb: { median: number; max: number };
  largest: { kb: number; path: string };
  hitAt5: number;
}

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${mb(totalmem())} MB RAM; Node ${process.version}; Astro ${JSON.parse(readFileSync(join(siteDir, 'node_modules/astro/package.json'), 'utf8')).version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`site: ${siteDir}${spawnSync('git', ['-C', siteDir, 'log', '-1', '--format= (%h %s)'], { encoding: 'utf8' }).stdout.trim()}`);
const hugoPath = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim();
if (!hugoPath) console.log('Hugo reference skipped: `hugo` is not installed (Debian: apt-get install hugo).');
else
  console.log(
    `${spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim()}; ${spawnSync(PAGEFIND, ['--version'], { encoding: 'utf8' }).stdout.trim()}`,
  );

const rows: Row[] = [];
for (const size of sizes) {
  const corpus = join(work, `corpus-${size}`);
  writeCorpus(size, corpus);
  const out = join(work, `site-${size}`);
  const runsOfSize: Run[] = [];
  let row: Omit<Row, 'runs'> | undefined;
  for (let i = 0; i < runs; i++) {
    const cache = join(work, `cache-${size}-${i}`);
    const env = { ...process.env, CONTENT_DIR: corpus, OUT_DIR: out, ASTRO_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1' };
    const loadBefore = load();
    // The same command staff and CI run, with its memory settings; a fresh cache each time.
    const build = measuredRun('npm', ['run', '--silent', 'build'], env, siteDir);
    const phasesFile = join(cache, BUILD_PHASES_FILE);
    const phases: PhaseDuration[] = existsSync(phasesFile) ? JSON.parse(readFileSync(phasesFile, 'utf8')) : [];
    const run: Run = { seconds: build.seconds, peakKb: build.peakKb, phases, load: [loadBefore, ''] };
    // What the output holds is the same every run: measured on the first.
    row ??= await outputFigures(size, corpus, out);
    rmSync(out, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    if (hugoPath) {
      const site = join(work, `hugo-${size}`);
      hugoSite(corpus, site);
      const hugo = measuredRun('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], process.env);
      // The usual search for a Hugo site: Pagefind over the built pages.
      const pagefind = measuredRun(PAGEFIND, ['--quiet', '--site', join(site, 'public')], process.env);
      run.hugo = { seconds: hugo.seconds, pagefindSeconds: pagefind.seconds, pagefindPeakKb: pagefind.peakKb };
      rmSync(site, { recursive: true, force: true });
    }
    run.load[1] = load();
    runsOfSize.push(run);
    console.log(
      `${size}× run ${i + 1}: built ${row.pages} pages in ${run.seconds.toFixed(1)} s${run.hugo ? `; Hugo + Pagefind ${(run.hugo.seconds + run.hugo.pagefindSeconds).toFixed(1)} s` : ''}; load ${run.load.join(' → ')}`,
    );
  }
  rows.push({ ...row!, runs: runsOfSize });
}
rmSync(work, { recursive: true, force: true });

/** Sizes, counts and search figures of one build's output. */
async function outputFigures(size: number, corpus: string, out: string): Promise<Omit<Row, 'runs'>> {
  const files = filesUnder(out);
  const html = files.filter((f) => f.endsWith('.html'));
  const largest = html.map((f) => ({ path: f.slice(out.length), bytes: statSync(f).size })).sort((a, b) => b.bytes - a.bytes)[0]!;
  const indexFiles = filesUnder(join(out, 'search-index'));
  const costs = await Promise.all(queries.map((q) => coldQueryCost(out, q.query)));
  const gzip = spreadOf(costs.map((c) => c.gzipBytes));
  return {
    size,
    ...corpusCounts(corpus),
    pages: html.length,
    distBytes: bytesOf(files),
    distFiles: files.length,
    indexBytes: bytesOf(indexFiles),
    indexFiles: indexFiles.length,
    queryKb: { median: gzip.median / 1024, max: gzip.max / 1024 },
    largest: { kb: largest.bytes / 1024, path: largest.path },
    hitAt5: (await provinceSearchQuality(out)).hitAt5,
  };
}

const wall = (r: Row) => spreadOf(r.runs.map((run) => run.seconds));
const peak = (r: Row) => (r.runs.every((run) => run.peakKb !== undefined) ? spreadOf(r.runs.map((run) => run.peakKb! / 1024)) : undefined);
const reference = (r: Row) =>
  r.runs.every((run) => run.hugo) ? spreadOf(r.runs.map((run) => run.hugo!.seconds + run.hugo!.pagefindSeconds)) : undefined;
// Each run's ratio pairs our build with the reference built right after it, on the same machine state.
const ratio = (r: Row) =>
  r.runs.every((run) => run.hugo)
    ? spreadOf(r.runs.map((run) => run.seconds / (run.hugo!.seconds + run.hugo!.pagefindSeconds)))
    : undefined;

const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], body: string[][]) => ['', line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
console.log(`\nMedian of ${runs} run(s) per size, fastest–slowest in brackets.`);
console.log(
  table(
    [
      'size',
      'policies',
      'briefings',
      'task rows',
      'pages',
      'files',
      'wall s',
      'pages/s',
      'peak RSS MB',
      'dist MB',
      'search index MB (files)',
      'cold query KB gz median/max',
      'largest HTML KB',
      'search hit@5',
      'Hugo + Pagefind s',
      'Pagefind peak RSS MB',
      'ours ÷ (Hugo + Pagefind)',
    ],
    rows.map((r) => [
      `${r.size}×`,
      String(r.policies),
      String(r.briefings),
      String(r.taskRows),
      String(r.pages),
      String(r.distFiles),
      spreadText(wall(r)),
      (r.pages / wall(r).median).toFixed(0),
      peak(r) ? spreadText(peak(r)!, 0) : 'n/a',
      mb(r.distBytes),
      `${mb(r.indexBytes)} (${r.indexFiles})`,
      `${r.queryKb.median.toFixed(0)} / ${r.queryKb.max.toFixed(0)}`,
      r.largest.kb.toFixed(0),
      `${(r.hitAt5 * 100).toFixed(0)}%`,
      reference(r) ? spreadText(reference(r)!) : 'n/a',
      r.runs.every((run) => run.hugo?.pagefindPeakKb !== undefined)
        ? spreadOf(r.runs.map((run) => run.hugo!.pagefindPeakKb! / 1024)).median.toFixed(0)
        : 'n/a',
      ratio(r) ? spreadText(ratio(r)!, 2) : 'n/a',
    ]),
  ),
);
for (const r of rows) {
  console.log(`\nPhases of our build at ${r.size}× (seconds, as the build logs them; median and fastest–slowest of ${r.runs.length}):`);
  console.log(
    table(
      ['phase', 'seconds'],
      phaseSpreads(r.runs.map((run) => run.phases)).map(({ phase, spread }) => [phase, spreadText(spread)]),
    ),
  );
  console.log(`load average (1 min) before → after each run: ${r.runs.map((run) => run.load.join(' → ')).join('; ')}`);
  if (r.runs.every((run) => run.hugo))
    console.log(
      `ours ÷ (Hugo + Pagefind), run by run: ${r.runs.map((run) => (run.seconds / (run.hugo!.seconds + run.hugo!.pagefindSeconds)).toFixed(2)).join(', ')}`,
    );
}
for (let i = 1; i < rows.length; i++) {
  const [a, b] = [rows[i - 1]!, rows[i]!];
  const [pa, pb] = [peak(a), peak(b)];
  const rss = pa && pb ? `, peak RSS ×${(pb.median / pa.median).toFixed(2)}` : '';
  console.log(
    `${a.size}× → ${b.size}×: pages ×${(b.pages / a.pages).toFixed(2)}, wall time ×${(wall(b).median / wall(a).median).toFixed(2)}${rss}, largest page ×${(b.largest.kb / a.largest.kb).toFixed(2)}`,
  );
}
for (const r of rows) console.log(`largest HTML at ${r.size}×: ${r.largest.path} (${r.largest.kb.toFixed(0)} KB)`);
