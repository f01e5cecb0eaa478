/**
 * Golden output: each tiny content tree in test/input/<case>/ is built once,
 * and its search index files and dataset downloads must equal, byte for byte,
 * the files kept in test/output/<case>/. A change to what a reader downloads
 * or what the search page fetches shows up as a diff in review.
 *
 * When a change of output is intended, regenerate the expected files and
 * review the diff before committing:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/build/golden-output.test.ts
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild, PROJECT_ROOT, TEST_SITE_URL } from '../support/astro-build.ts';
import { siteFiles } from '../support/site.ts';

const INPUT = join(PROJECT_ROOT, 'test', 'input');
const OUTPUT = join(PROJECT_ROOT, 'test', 'output');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The built files under golden watch: the search index and the dataset downloads. */
const WATCHED = ['search-index', 'data/tables', 'data/tasks'];

const cases = readdirSync(INPUT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function watchedFiles(root: string): string[] {
  return WATCHED.flatMap((dir) => (existsSync(join(root, dir)) ? siteFiles(join(root, dir)).map((file) => `${dir}/${file}`) : [])).sort();
}

describe.each(cases)('golden output of test/input/%s', (name) => {
  let outDir: string;
  let built: string[];

  beforeAll(() => {
    outDir = join(mkdtempSync(join(tmpdir(), `golden-${name}-`)), 'dist');
    const result = astroBuild({ contentDir: join(INPUT, name), outDir, siteUrl: TEST_SITE_URL });
    expect(result.status, result.output).toBe(0);
    built = watchedFiles(outDir);
    if (UPDATE) {
      rmSync(join(OUTPUT, name), { recursive: true, force: true });
      for (const file of built) {
        mkdirSync(join(OUTPUT, name, file, '..'), { recursive: true });
        cpSync(join(outDir, file), join(OUTPUT, name, file));
      }
    }
  });

  afterAll(() => {
    rmSync(join(outDir, '..'), { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
  });

  test('the build writes exactly the expected files', () => {
    expect(built.length).toBeGreaterThan(0);
    expect(built).toEqual(watchedFiles(join(OUTPUT, name)));
  });

  test('every file is byte for byte the expected one', () => {
    for (const file of built) {
      const actual = readFileSync(join(outDir, file));
      const expected = readFileSync(join(OUTPUT, name, file));
      if (!actual.equals(expected))
        expect(actual.toString('utf8'), `${file} differs from test/output/${name}/${file}`).toBe(expected.toString('utf8'));
      expect(actual.equals(expected), file).toBe(true);
    }
  });
});
