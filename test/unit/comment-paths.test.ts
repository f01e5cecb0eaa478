/**
 * Every repository path a comment under src/ and scripts/ names exists, so a
 * reader following one never lands on a file that has moved or gone. A path
 * is read from the repository root, from src/ (as comments in src/ write
 * them: `lib/routes.ts`), or from the commenting file's folder. Paths of
 * content files (`content/tasks/x.csv`) are examples, not checked.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { filesUnder } from '../../src/loaders/file-tree.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_FOLDERS = [
  'src',
  'scripts',
  'test',
  'deploy',
  'docs',
  'public',
  'desk',
  'lib',
  'data',
  'loaders',
  'components',
  'pages',
  'client',
  'schemas',
  'core',
  'integrations',
  'markdown',
  'layouts',
  'styles',
];
// A glob (`docx-*.ts`) is a family of files: at least one must match.
const PATH = new RegExp(`(?<![\\w/.@-])(?:\\./)?((?:${CODE_FOLDERS.join('|')})/[\\w./\\[\\]*-]*\\w)`, 'g');
const COMMENT = /^\s*(\/\/|\/\*|\*)|\s\/\/\s|<!--/;

function commentPaths(file: string): { line: number; path: string }[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .flatMap((text, index) => (COMMENT.test(text) ? [...text.matchAll(PATH)].map((match) => ({ line: index + 1, path: match[1]! })) : []));
}

function exists(file: string, path: string): boolean {
  return [ROOT, join(ROOT, 'src'), dirname(join(ROOT, file))].some((base) => {
    if (!path.includes('*')) return existsSync(join(base, path));
    const folder = join(base, dirname(path));
    const name = new RegExp(`^${path.split('/').at(-1)!.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    return existsSync(folder) && readdirSync(folder).some((entry) => name.test(entry));
  });
}

test('every path named in a comment under src/ and scripts/ exists', () => {
  const files = ['src', 'scripts']
    .flatMap((dir) => filesUnder(join(ROOT, dir)))
    .map((file) => relative(ROOT, file))
    .filter((file) => /\.(ts|mjs|astro)$/.test(file));
  expect(files.length).toBeGreaterThan(50);
  const missing = files.flatMap((file) =>
    commentPaths(file)
      .filter(({ path }) => !exists(file, path))
      .map(({ line, path }) => `${file}:${line} ${path}`),
  );
  expect(missing).toEqual([]);
});

test('the check finds a path that does not exist', () => {
  expect(exists('src/lib/routes.ts', 'lib/routes.ts')).toBe(true);
  expect(exists('src/lib/routes.ts', 'lib/no-such-module.ts')).toBe(false);
});
