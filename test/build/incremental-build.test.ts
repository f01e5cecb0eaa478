/**
 * `npm run build -- --changed`, the desk's release step: after a new briefing,
 * a corrected task-list cell and a revised progress figure, the fast build
 * copies most pages from the previous one and its output is byte-identical to
 * a full build of the same content. Run on a synthetic corpus of two copies of the content, so that
 * pages of other regions must be reused and those of the edited ones must not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { correctedTaskCell, nextBriefingIssue, revisedProgressCount } from '../../scripts/corpus/corpus-edits.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { astroBuild, TEST_SITE_URL } from '../support/astro-build.ts';
import { siteFiles } from '../support/site.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Pages Astro copied from the previous build rather than rendered (it logs them so). */
const reused = (output: string) => output.match(/\((?:cached|restored)\)/g)?.length ?? 0;

test('after a new briefing, a corrected task cell and a revised figure, the fast build equals a full build', () => {
  const content = join(work, 'content');
  writeCorpus(2, content);
  const cacheDir = join(work, 'cache');
  const first = astroBuild({ contentDir: content, outDir: join(work, 'first'), cacheDir, siteUrl: TEST_SITE_URL, changed: true });
  expect(first.status, first.output).toBe(0);

  const files = readContentFiles(content);
  const briefing = nextBriefingIssue(files);
  for (const file of [briefing, correctedTaskCell(files), revisedProgressCount(files)]) writeFileSync(join(content, file.path), file.text);

  const fast = astroBuild({ contentDir: content, outDir: join(work, 'fast'), cacheDir, siteUrl: TEST_SITE_URL, changed: true });
  expect(fast.status, fast.output).toBe(0);
  const full = astroBuild({ contentDir: content, outDir: join(work, 'full'), siteUrl: TEST_SITE_URL });
  expect(full.status, full.output).toBe(0);

  const fastFiles = siteFiles(join(work, 'fast')).sort();
  expect(fastFiles).toEqual(siteFiles(join(work, 'full')).sort());
  const different = fastFiles.filter((file) => !readFileSync(join(work, 'fast', file)).equals(readFileSync(join(work, 'full', file))));
  expect(different).toEqual([]);

  // The new issue is on the site, and the fast build did skip work: most pages were copied.
  const id = briefing.path.replace(/^briefings\/|\.mdx$/g, '');
  expect(fastFiles).toContain(`briefings/${id}/index.html`);
  const pages = fastFiles.filter((file) => !file.startsWith('search-index/') && !file.startsWith('_astro/')).length;
  expect(reused(fast.output)).toBeGreaterThan(pages / 2);
  expect(reused(full.output)).toBe(0);
});
