/**
 * `npm run bench:check [-- copies]`: how long `npm run check` takes on the
 * current content and on a large tree made of copies of it (by default 500:
 * about 100,000 task rows and 2,500 documents, the order of a province's five
 * years). Runs check as a separate process each time and prints min / median /
 * max wall time. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const copies = Number(process.argv[2] ?? 500);
const runs = 5;

function timeCheck(contentDir: string): { times: number[]; output: string } {
  const times: number[] = [];
  let output = '';
  for (let i = 0; i < runs + 1; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['scripts/check-content.ts'], { env: { ...process.env, CONTENT_DIR: contentDir }, encoding: 'utf8' });
    if (i > 0) times.push((performance.now() - started) / 1000);
    output = `${result.stdout}${result.stderr}`.trim().split('\n').at(-1) ?? '';
    if (result.status !== 0) throw new Error(output);
  }
  return { times: times.sort((a, b) => a - b), output };
}

const report = (label: string, { times, output }: ReturnType<typeof timeCheck>) =>
  console.log(`${label}: min ${times[0]!.toFixed(2)} s, median ${times[Math.floor(times.length / 2)]!.toFixed(2)} s, max ${times.at(-1)!.toFixed(2)} s — ${output}`);

report('current content', timeCheck('content'));

// A large tree: every task list and document repeated under new ids, references kept valid.
const work = mkdtempSync(join(tmpdir(), 'bench-check-'));
const big = join(work, 'content');
cpSync('content', big, { recursive: true });
const policies = readdirSync('content/policies').map((f) => f.replace(/\.mdx$/, ''));
const briefings = readdirSync('content/briefings').map((f) => f.replace(/\.mdx$/, ''));
const taskLists = readdirSync('content/tasks').map((f) => f.replace(/\.csv$/, ''));
for (let n = 1; n <= copies; n++) {
  for (const id of policies) {
    const text = readFileSync(`content/policies/${id}.mdx`, 'utf8').replace(/dataset: tasks\/([a-z0-9-]+)/g, `dataset: tasks/$1-x${n}`);
    writeFileSync(join(big, 'policies', `${id}-x${n}.mdx`), text);
  }
  for (const id of briefings) {
    const text = readFileSync(`content/briefings/${id}.mdx`, 'utf8').replace(/^series: (.*)$/m, `series: $1（副本${n}）`);
    writeFileSync(join(big, 'briefings', `${id}-x${n}.mdx`), text);
  }
  for (const id of taskLists) {
    const rows = readFileSync(`content/tasks/${id}.csv`, 'utf8');
    writeFileSync(join(big, 'tasks', `${id}-x${n}.csv`), rows.replace(/,(qingshanhu-2023-xingdong-fangan),/g, `,$1-x${n},`));
  }
}
console.log(`large tree: ${copies} copies of the content`);
report('large tree', timeCheck(big));
rmSync(work, { recursive: true, force: true });
