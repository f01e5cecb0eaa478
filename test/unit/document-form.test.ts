/**
 * Pages have one form of each document: the validated model's. Astro's
 * collections hold only the rendered bodies, read through documentBody(), and
 * the notes rendered by Astro itself; a page that read a collection entry for
 * a document's fields would bring back a second form, parsed separately.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';

const SRC = join(PROJECT_ROOT, 'src');

test('only the collections config, documentBody and the notes page read Astro collections', () => {
  const readers = filesUnder(SRC)
    .filter((path) => /\.(ts|astro)$/.test(path) && /from\s+['"]astro:content['"]/.test(readFileSync(path, 'utf8')))
    .map((path) => relative(SRC, path).split('\\').join('/'));
  expect(readers).toEqual(['content.config.ts', 'data/document-body.ts', 'pages/provenance.astro']);
});
