/**
 * `npm run bench:check [-- scale]`: how long `npm run check` takes on the
 * current content and on the synthetic corpus at `scale` (by default the
 * province: about 100,000 task rows and 4,500 documents). Runs check as a
 * separate process each time and prints min / median / max wall time.
 * A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.ts';
import { PROVINCE_SCALE } from '../corpus/synthetic-corpus.ts';

const scaleArg = parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? 'province';
const scale = scaleArg === 'province' ? PROVINCE_SCALE : Number(scaleArg);
const runs = 5;

function timeCheck(contentDir: string): { times: number[]; output: string } {
  const times: number[] = [];
  let output = '';
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['scripts/check.ts'], {
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });
    if (i > 0) times.push((performance.now() - started) / 1000);
    output = `${result.stdout}${result.stderr}`.trim().split('\n').at(-1) ?? '';
    if (result.status !== 0) throw new Error(output);
  }
  return { times: times.sort((a, b) => a - b), output };
}

const report = (label: string, { times, output }: ReturnType<typeof timeCheck>) =>
  console.log(
    `${label}: min ${times[0]!.toFixed(2)} s, median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s, max ${times.at(-1)!.toFixed(2)} s — ${output}`,
  );

report('current content', timeCheck('content'));

const work = mkdtempSync(join(tmpdir(), 'bench-check-'));
const corpus = join(work, 'content');
writeCorpus(scale, corpus);
report(`synthetic corpus ${scale}×`, timeCheck(corpus));
rmSync(work, { recursive: true, force: true });
