/**
 * `npm run bench:republish [-- <scale|province>] [--runs 3]`: how long staff
 * wait from publishing to a live site, as the desk does it. On the synthetic
 * corpus (default province scale) it builds once with `npm run build --
 * --changed` to fill the cache, then, each run, publishes a region's next
 * briefing and, separately, corrects one task-list cell, and times the
 * `--changed` build after each into a fresh folder, as a desk release is. It
 * prints wall time (median, fastest and slowest), the build's own phase
 * times, how many pages were copied rather than rendered, and the machine's
 * load before and after each run. A benchmark to read, not a test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { PROVINCE_SCALE } from '../corpus/synthetic-corpus.ts';
import { correctedTaskCell, nextBriefingIssue } from '../corpus/corpus-edits.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { phaseSpreads, spreadOf, spreadText, type PhaseDuration } from '../../src/lib/build-phases.ts';
import { BUILD_PHASES_FILE } from '../../src/integrations/build-phases.ts';
import type { ContentFile } from '../../src/lib/content/content-model.ts';
import { measuredRun, type MeasuredRun } from './measured-run.ts';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '3' } } });
const scaleArg = positionals[0] ?? 'province';
const scale = scaleArg === 'province' ? PROVINCE_SCALE : Number(scaleArg);
const runs = Number(options.runs);
const work = mkdtempSync(join(tmpdir(), 'bench-republish-'));
const corpus = join(work, 'content');
const cache = join(work, 'cache');
const load = () => loadavg()[0]!.toFixed(2);

interface Republish extends Omit<MeasuredRun, 'output'> {
  copied: number;
  rendered: number;
  phases: PhaseDuration[];
  load: [string, string];
}

/** One `npm run build -- --changed` into a new folder, with the cache every release shares. */
function release(name: string): Republish {
  const loadBefore = load();
  const out = join(work, name);
  const build = measuredRun('npm', ['run', '--silent', 'build', '--', '--changed'], {
    ...process.env,
    CONTENT_DIR: corpus,
    OUT_DIR: out,
    ASTRO_CACHE_DIR: cache,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  });
  const { output, ...measured } = build;
  const copied = output.match(/\((?:cached|restored)\)/g)?.length ?? 0;
  const listed = output.match(/[├└]─/g)?.length ?? 0;
  const phasesFile = join(cache, BUILD_PHASES_FILE);
  const phases: PhaseDuration[] = existsSync(phasesFile) ? JSON.parse(readFileSync(phasesFile, 'utf8')) : [];
  rmSync(out, { recursive: true, force: true });
  return { ...measured, copied, rendered: listed - copied, phases, load: [loadBefore, load()] };
}

/** CPU time and peak RSS, where GNU time measured them. */
const usage = ({ cpuSeconds, peakKb }: Republish) =>
  cpuSeconds === undefined ? '' : `, CPU ${cpuSeconds.toFixed(1)} s, peak RSS ${((peakKb ?? 0) / 1024).toFixed(0)} MB`;

function publish(edit: (files: readonly ContentFile[]) => ContentFile): void {
  const file = edit(readContentFiles(corpus));
  writeFileSync(join(corpus, file.path), file.text);
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average ${load()}`);
writeCorpus(scale, corpus);
const first = release('first');
console.log(
  `${scale}×: first --changed build (fills the cache) ${first.seconds.toFixed(1)} s, ${first.rendered} pages rendered${usage(first)}; load ${first.load.join(' → ')}`,
);

const kinds = [
  { name: 'a new briefing', edit: nextBriefingIssue },
  { name: 'one task-list cell', edit: correctedTaskCell },
] as const;
const results = new Map<string, Republish[]>(kinds.map((k) => [k.name, []]));
for (let i = 0; i < runs; i++)
  for (const kind of kinds) {
    publish(kind.edit);
    const run = release(`run-${i}`);
    results.get(kind.name)!.push(run);
    console.log(
      `run ${i + 1}, ${kind.name}: ${run.seconds.toFixed(1)} s, ${run.rendered} rendered, ${run.copied} copied${usage(run)}; load ${run.load.join(' → ')}`,
    );
  }
rmSync(work, { recursive: true, force: true });

for (const kind of kinds) {
  const republishes = results.get(kind.name)!;
  console.log(`\n${kind.name} at ${scale}×: ${spreadText(spreadOf(republishes.map((r) => r.seconds)))} s`);
  for (const { phase, spread } of phaseSpreads(republishes.map((r) => r.phases))) console.log(`  ${phase}: ${spreadText(spread)} s`);
}
