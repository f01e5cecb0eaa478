/**
 * `npm run bench:build [-- runs]`: builds the site several times and prints
 * wall time (min / median / max), pages, files and bytes of dist/.
 * A benchmark to read, not a test: nothing here fails on a slow machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { filesUnder } from '../../src/loaders/file-tree.ts';
import { spreadOf } from '../../src/lib/build-phases.ts';

const runs = Number(parseArgs({ allowPositionals: true, options: {} }).positionals[0] ?? 5);

const times: number[] = [];
let summary = '';
for (let i = 0; i < runs + 1; i++) {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const started = performance.now();
  // The same command staff and CI run, memory settings included.
  const result = spawnSync('npm', ['run', '--silent', 'build'], {
    env: { ...process.env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  // The first run warms caches and is not counted.
  if (i > 0) times.push(seconds);
  const files = filesUnder(outDir);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  summary = `${pages} pages, ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB in dist/`;
  rmSync(outDir, { recursive: true, force: true });
}
const { min, median, max } = spreadOf(times);
console.log(
  `build wall time over ${runs} runs (after one warm-up): min ${min.toFixed(2)} s, median ${median.toFixed(2)} s, max ${max.toFixed(2)} s`,
);
console.log(summary);
