/**
 * `npm run build -- --changed`, the desk's release step, writing over the
 * previous build's output as the desk's work folder is: after a new briefing,
 * a corrected task-list cell, a revised progress figure and a corrected
 * policy title (which its task list's download prints), many pages are left
 * in place, those about other regions among them, and the output is
 * byte-identical to a full build of the same content, compressed copies
 * included, of which only the changed files' are made again, and the external
 * links it lists for review are a full build's; after the four
 * are withdrawn again, the withdrawn briefing's page is gone and the output is
 * the first build's again. Run on a synthetic corpus of four copies of the
 * content: the edits touch three regions with progress figures, so the
 * fourth's statistics pages must be reused and the others' must not.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { writeCorpus } from '../../scripts/corpus/generate.ts';
import { correctedTaskCell, nextBriefingIssue, retitledPolicy, revisedProgressCount } from '../../scripts/corpus/corpus-edits.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { astroBuild, TEST_SITE_URL } from '../support/astro-build.ts';
import { siteFiles } from '../support/site.ts';
import { reusedPages } from '../../src/lib/build-phases.ts';

const work = mkdtempSync(join(tmpdir(), 'incremental-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** How many files the build compressed (it logs 预压缩：N 个文件 for the pages and the other files, then for the search index). */
const compressed = (output: string) => [...output.matchAll(/预压缩：(\d+) 个文件/g)].reduce((sum, [, n]) => sum + Number(n), 0);

/** How many of the search index's files were the same as the previous build's (it logs N 个文件与上次相同). */
const unchangedIndexFiles = (output: string) => Number(/(\d+) 个文件与上次相同/.exec(output)?.[1] ?? 0);

/** The external links the build lists for review, as its log gives them. */
const externalLinkList = (output: string) => /外部链接(?:：无|（\d+ 个，请另行核对）：(?:\n.*←.*)*)/.exec(output)?.[0];

/** The pages the build left in place (the log marks them cached or restored). */
const reusedPaths = (output: string) => [...output.matchAll(/[├└]─ (\S+) \((?:cached|restored)\)/g)].map(([, path]) => path!);

/** The files that differ between two built sites, by name or by content. */
function differences(a: string, b: string): string[] {
  const [filesA, filesB] = [new Set(siteFiles(a)), new Set(siteFiles(b))];
  const onlyOne = [...filesA.difference(filesB), ...filesB.difference(filesA)];
  const changed = [...filesA.intersection(filesB)].filter((f) => !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return [...onlyOne, ...changed];
}

test('the fast build, written over the previous one, equals a full build after publishing and after withdrawing', () => {
  const content = join(work, 'content');
  writeCorpus(4, content);
  const cacheDir = join(work, 'cache');
  const site = join(work, 'site');
  // Precompressed, as the desk's deployment builds: only what changed is compressed again. Each build is started
  // another way, as the desk's may be after a restart: the shell's `_` names the command that started it, and the
  // build must not take it for a change of code.
  const fastBuild = (startedBy: string) =>
    astroBuild({
      contentDir: content,
      outDir: site,
      cacheDir,
      siteUrl: TEST_SITE_URL,
      precompress: true,
      changed: true,
      environment: { _: startedBy },
    });
  const first = fastBuild('/usr/bin/npm');
  expect(first.status, first.output).toBe(0);
  cpSync(site, join(work, 'first'), { recursive: true });

  const files = readContentFiles(content);
  const briefing = nextBriefingIssue(files);
  // The corrected policy gains a link to another site, which the build lists for review: a fast build reads its
  // page again, and keeps the links of the pages it left in place.
  const policy = retitledPolicy(files);
  const edits = [
    correctedTaskCell(files),
    revisedProgressCount(files),
    { ...policy, text: `${policy.text}\n参见[中国政府网](https://www.gov.cn/zhengce/)。\n` },
  ];
  const originals = edits.map((edit) => files.find((file) => file.path === edit.path)!);
  for (const file of [briefing, ...edits]) writeFileSync(join(content, file.path), file.text);

  const fast = fastBuild('/usr/bin/time');
  expect(fast.status, fast.output).toBe(0);
  const full = astroBuild({ contentDir: content, outDir: join(work, 'full'), siteUrl: TEST_SITE_URL, precompress: true });
  expect(full.status, full.output).toBe(0);
  expect(differences(site, join(work, 'full'))).toEqual([]);
  expect(externalLinkList(fast.output)).toContain('https://www.gov.cn/zhengce/');
  expect(externalLinkList(fast.output)).toBe(externalLinkList(full.output));

  // The new issue is on the site, and the fast build did skip work: many pages were left as they were (a corrected
  // policy title alone changes every page of its region's family, and the listings).
  const page = `briefings/${briefing.path.replace(/^briefings\/|\.mdx$/g, '')}/index.html`;
  const siteNow = siteFiles(site);
  expect(siteNow).toContain(page);
  const pages = siteNow.filter(
    (file) => !file.startsWith('search-index/') && !file.startsWith('_astro/') && !/\.(?:gz|br)$/.test(file),
  ).length;
  expect(reusedPages(fast.output)).toBeGreaterThan(pages / 3);
  // A page about one region is keyed by it: those of the regions the edits left alone stay as they were.
  const reused = reusedPaths(fast.output);
  for (const route of [/^\/regions\/[^/]+\//, /^\/statistics\/(?!page\/)[^/]+\//, /^\/trackers\/[^/]+\/[^/]+\//])
    expect(
      reused.filter((path) => route.test(path)),
      String(route),
    ).not.toEqual([]);
  expect(reusedPages(full.output)).toBe(0);
  // Only what was written again is compressed again: the pages left in place and the search index's unchanged files keep their copies.
  expect(unchangedIndexFiles(fast.output)).toBeGreaterThan(0);
  // The index was updated for the edits, from the state the first build left, rather than built whole again.
  expect(fast.output).toMatch(/按改动更新了 \d+ 组记录/);
  expect(compressed(fast.output)).toBe(compressed(full.output) - reusedPages(fast.output) - unchangedIndexFiles(fast.output));

  // Withdrawn: the briefing deleted and the three corrections undone. Its page goes, and every page is as first built.
  unlinkSync(join(content, briefing.path));
  for (const file of originals) writeFileSync(join(content, file.path), file.text);
  const withdrawn = fastBuild('/usr/bin/node');
  expect(withdrawn.status, withdrawn.output).toBe(0);
  expect(withdrawn.output).toMatch(/按改动更新了 \d+ 组记录/);
  expect(siteFiles(site)).not.toContain(page);
  expect(differences(site, join(work, 'first'))).toEqual([]);
  expect(externalLinkList(withdrawn.output)).toBe(externalLinkList(first.output));
}, 300_000);
