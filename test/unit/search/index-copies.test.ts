/**
 * The search index's process (integrations/write-search-index.ts) keeps the
 * index's compressed copies as the build wants them, so that the build never
 * looks at the index's files itself: after an update, after a whole rebuild
 * over an index whose copies a stopped build left stale or missing, and when
 * a build without copies follows one with them. Run on the minimal content,
 * as the build runs it: a process handed the site's model on its input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { readContentFiles } from '../../../src/loaders/content-files.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import { publishedContent } from '../../../src/lib/published-view.ts';
import { filesUnder } from '../../../src/loaders/file-tree.ts';
import { isCompressedCopy, isCompressible } from '../../../src/lib/precompression.ts';
import { MINIMAL } from '../../support/fixtures.ts';
import { PROJECT_ROOT } from '../../support/astro-build.ts';

const work = mkdtempSync(join(tmpdir(), 'index-copies-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dir = join(work, 'search-index');
const stateFile = join(work, 'state.json');
const model = serialize(publishedContent(validateContent(readContentFiles(MINIMAL)).model));

/** Runs the index's process as a build does; `update` as a `--changed` build over the previous index. */
function writeIndex({ update, precompress }: { update: boolean; precompress: boolean }): string {
  const script = join(PROJECT_ROOT, 'src', 'integrations', 'write-search-index.ts');
  const run = spawnSync(process.execPath, [script, dir, stateFile, ...(update ? ['--update'] : [])], {
    input: model,
    env: { ...process.env, CONTENT_DIR: MINIMAL, PRECOMPRESS: precompress ? '1' : '' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** The index's files whose copies are not the file's bytes compressed, or are missing; and copies without a file. */
function copyProblems(): string[] {
  const files = filesUnder(dir);
  const problems = files.filter((file) => isCompressedCopy(file) && !existsSync(file.slice(0, file.lastIndexOf('.'))));
  for (const file of files.filter((f) => !isCompressedCopy(f) && isCompressible(f))) {
    const bytes = readFileSync(file);
    if (!existsSync(`${file}.gz`) || !gunzipSync(readFileSync(`${file}.gz`)).equals(bytes)) problems.push(`${file}.gz`);
    if (!existsSync(`${file}.br`) || !brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes)) problems.push(`${file}.br`);
  }
  return problems;
}

test('the index process leaves every file of the index with its own compressed copies, or none', () => {
  writeIndex({ update: false, precompress: true });
  const files = filesUnder(dir).filter((file) => !isCompressedCopy(file));
  expect(files.length).toBeGreaterThan(10);
  expect(copyProblems()).toEqual([]);

  // A build stopped between writing files and their copies: one file's copies are another's bytes and older, one
  // copy is missing, one is left of a file gone. Without its state the next build rebuilds the index whole.
  const [first, second, third] = files.filter(isCompressible);
  for (const copy of [`${first}.gz`, `${first}.br`]) {
    writeFileSync(copy, readFileSync(`${second}${copy.slice(first!.length)}`));
    utimesSync(copy, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
  }
  rmSync(`${second}.br`);
  rmSync(third!);
  writeFileSync(join(dir, 'gone.json.gz'), 'x');
  rmSync(stateFile);
  expect(writeIndex({ update: true, precompress: true })).toMatch(/整体重建/);
  expect(copyProblems()).toEqual([]);
  expect(existsSync(join(dir, 'gone.json.gz'))).toBe(false);

  // An update with the state the rebuild left: nothing to compress again.
  expect(writeIndex({ update: true, precompress: true })).toMatch(/预压缩：0 个文件/);
  expect(copyProblems()).toEqual([]);

  // A build without copies after one with them leaves none behind.
  writeIndex({ update: true, precompress: false });
  expect(filesUnder(dir).filter(isCompressedCopy)).toEqual([]);
});
