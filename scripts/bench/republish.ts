/**
 * `npm run bench:republish [-- <scale|province>] [--runs 3] [--no-precompress]`:
 * how long staff wait from publishing until the new release is live, timed
 * through the desk's own release steps (desk/site-release.ts: the content
 * staged, a `--changed` build into the work folder, whose content check is
 * the publication's, a release folder made of it, then the switch). What the
 * desk does once the release is live (deleting old releases, linking the
 * spare the next release starts from) is not waited for, and is timed apart.
 * It builds as the desk's service in docs/deploy.md does: with a site address
 * and PRECOMPRESS=1 (`--no-precompress` leaves the copies out). On the
 * synthetic corpus (default province scale) it makes a first release to fill
 * the cache, then, each run, publishes a region's next briefing and,
 * separately, corrects one task-list cell. It prints the wait and the CPU
 * time (median, fastest and slowest), peak RSS, the build's own phase times,
 * how many pages were reused rather than rendered, how many files the release
 * shares with the previous one, and the machine's load before and after each
 * run. A benchmark to read, not a test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { PROVINCE_SCALE } from '../corpus/synthetic-corpus.ts';
import { correctedTaskCell, nextBriefingIssue } from '../corpus/corpus-edits.ts';
import { readContentFiles, statedContentFiles } from '../../src/loaders/content-files.ts';
import { phaseSpreads, reusedPages, spreadOf, spreadText, type PhaseDuration } from '../../src/lib/build-phases.ts';
import { BUILD_PHASES_FILE } from '../../src/integrations/build-phases.ts';
import type { ContentFile } from '../../src/lib/content/content-model.ts';
import { measuredRun, type MeasuredRun } from './measured-run.ts';
import { activateRelease, buildRelease, releasesSettled } from '../../desk/site-release.ts';

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  allowNegative: true,
  options: { runs: { type: 'string', default: '3' }, release: { type: 'string' }, precompress: { type: 'boolean', default: true } },
});
/** The address the desk's service in docs/deploy.md builds for. */
const SITE_URL = 'https://www.example.gov.cn/yshj/';

if (options.release) {
  // One publication, in a process of its own so that GNU time measures it: `--release <releases> <content>`.
  const built = await buildRelease({
    repoDir: process.cwd(),
    releasesDir: options.release,
    siteUrl: SITE_URL,
    content: statedContentFiles(positionals[0]!),
  });
  if (!built.ok) throw new Error(`${built.message}\n${built.output}`);
  await activateRelease(options.release, built.id);
  // From the process's start, reading the content included, as the desk reads it.
  const live = performance.now() / 1000;
  await releasesSettled(options.release);
  const tidied = performance.now() / 1000 - live;
  const reused = reusedPages(built.output);
  const listed = built.output.match(/[├└]─/g)?.length ?? 0;
  console.log(`\n${JSON.stringify({ reused, rendered: listed - reused, ...built.files, live, tidied })}`);
  process.exit(0);
}

const scaleArg = positionals[0] ?? 'province';
const scale = scaleArg === 'province' ? PROVINCE_SCALE : Number(scaleArg);
const runs = Number(options.runs);
const work = mkdtempSync(join(tmpdir(), 'bench-republish-'));
const corpus = join(work, 'content');
const releases = join(work, 'releases');
const load = () => loadavg()[0]!.toFixed(2);

interface Republish extends Omit<MeasuredRun, 'output'> {
  /** Seconds until the release was live. */
  live: number;
  /** Seconds the desk worked after that, for the next release. */
  tidied: number;
  reused: number;
  rendered: number;
  linked: number;
  copied: number;
  phases: PhaseDuration[];
  load: [string, string];
}

/** One release of the content as it now is, staged and built by the desk's release step. */
function release(): Republish {
  const loadBefore = load();
  const { output, ...measured } = measuredRun(process.execPath, [import.meta.filename, '--release', releases, corpus], {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    PRECOMPRESS: options.precompress ? '1' : '0',
  });
  const counts = JSON.parse(output.trim().split('\n').at(-1)!) as Pick<
    Republish,
    'live' | 'tidied' | 'reused' | 'rendered' | 'linked' | 'copied'
  >;
  const phasesFile = join(releases, '.cache', BUILD_PHASES_FILE);
  const phases: PhaseDuration[] = existsSync(phasesFile) ? JSON.parse(readFileSync(phasesFile, 'utf8')) : [];
  return { ...measured, ...counts, phases, load: [loadBefore, load()] };
}

const described = (r: Republish) =>
  `live after ${r.live.toFixed(1)} s (then ${r.tidied.toFixed(1)} s preparing the next), ${r.rendered} pages rendered, ${r.reused} reused, release files ${r.linked} shared and ${r.copied} copied` +
  (r.cpuSeconds === undefined ? '' : `, CPU ${r.cpuSeconds.toFixed(1)} s, peak RSS ${((r.peakKb ?? 0) / 1024).toFixed(0)} MB`) +
  `; load ${r.load.join(' → ')}`;

function publish(edit: (files: readonly ContentFile[]) => ContentFile): void {
  const file = edit(readContentFiles(corpus));
  writeFileSync(join(corpus, file.path), file.text);
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; Node ${process.version}; load average ${load()}`);
console.log(`built for ${SITE_URL}, ${options.precompress ? 'with' : 'without'} precompressed copies`);
writeCorpus(scale, corpus);
console.log(`${scale}×: first release (fills the cache): ${described(release())}`);

const kinds = [
  { name: 'a new briefing', edit: nextBriefingIssue },
  { name: 'one task-list cell', edit: correctedTaskCell },
] as const;
const results = new Map<string, Republish[]>(kinds.map((k) => [k.name, []]));
for (let i = 0; i < runs; i++)
  for (const kind of kinds) {
    publish(kind.edit);
    const run = release();
    results.get(kind.name)!.push(run);
    console.log(`run ${i + 1}, ${kind.name}: ${described(run)}`);
  }
rmSync(work, { recursive: true, force: true });

for (const kind of kinds) {
  const republishes = results.get(kind.name)!;
  console.log(`\n${kind.name} at ${scale}×, until live: ${spreadText(spreadOf(republishes.map((r) => r.live)))} s`);
  const cpu = republishes.flatMap((r) => (r.cpuSeconds === undefined ? [] : [r.cpuSeconds]));
  if (cpu.length > 0) console.log(`  CPU time, the preparing after included: ${spreadText(spreadOf(cpu))} s`);
  for (const { phase, spread } of phaseSpreads(republishes.map((r) => r.phases))) console.log(`  ${phase}: ${spreadText(spread)} s`);
}
