/**
 * Release folders and the `current` symlink: a build becomes a release only
 * when it succeeded, switching is a symlink swap, the last five are kept and
 * the live one never deleted, and a rollback serves the older build again.
 * The build step is injected (no Astro needed); the real `npm run build` is
 * exercised by test/desk/site-release.e2e.test.ts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { activateRelease, buildRelease, listReleases, releasesSettled, type BuildStep } from '../../desk/site-release.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';
import { statedContentFiles } from '../../src/loaders/content-files.ts';

let releases: string;
beforeEach(() => {
  releases = mkdtempSync(join(tmpdir(), 'desk-releases-'));
});
afterEach(async () => {
  await releasesSettled(releases);
  rmSync(releases, { recursive: true, force: true });
});

/** A build that writes a one-page site saying `text`. */
function writing(text: string): BuildStep {
  return async ({ outDir }) => {
    mkdirSync(join(outDir, 'briefings'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), `<h1>${text}</h1>`);
    writeFileSync(join(outDir, 'briefings', 'index.html'), text);
    return { ok: true, output: `built ${text}` };
  };
}

const served = () => readFileSync(join(releases, 'current', 'index.html'), 'utf8');

async function release(text: string): Promise<string> {
  const result = await buildRelease({ repoDir: '.', releasesDir: releases, build: writing(text) });
  if (!result.ok) throw new Error(result.output);
  return result.id;
}

test('a successful build is a release; activating it points current at it', async () => {
  const id = await release('第一版');
  expect(id).toMatch(/^\d{8}-\d{6}(-\d+)?$/);
  expect(await listReleases(releases)).toEqual([{ id, live: false }]);
  await activateRelease(releases, id);
  expect(readlinkSync(join(releases, 'current'))).toBe(id);
  expect(served()).toBe('<h1>第一版</h1>');
  expect(await listReleases(releases)).toEqual([{ id, live: true }]);
});

test('a failed build leaves the live site untouched and no folder behind', async () => {
  await activateRelease(releases, await release('线上版'));
  await releasesSettled(releases);
  const before = readdirSync(releases).sort();
  const failing: BuildStep = async ({ outDir, cacheDir }) => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'half.html'), 'half');
    // What it stored for later builds goes too: they start afresh rather than reuse half a build.
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'half.html'), 'half');
    return { ok: false, output: 'error: content check failed' };
  };
  const result = await buildRelease({ repoDir: '.', releasesDir: releases, build: failing });
  expect(result).toMatchObject({ ok: false, output: 'error: content check failed' });
  expect((result as { message: string }).message).toContain('线上网站保持不变');
  expect(readdirSync(releases).sort()).toEqual(before);
  expect(served()).toBe('<h1>线上版</h1>');

  const crashing: BuildStep = async () => {
    throw new Error('spawn ENOENT');
  };
  expect(await buildRelease({ repoDir: '.', releasesDir: releases, build: crashing })).toMatchObject({ ok: false });
  const empty: BuildStep = async ({ outDir }) => {
    mkdirSync(outDir, { recursive: true });
    return { ok: true, output: '' };
  };
  expect(await buildRelease({ repoDir: '.', releasesDir: releases, build: empty })).toMatchObject({ ok: false });
  expect(readdirSync(releases).sort()).toEqual(before);

  // Nothing of the failed build reaches the next release.
  const next = await release('修正版');
  expect(readdirSync(join(releases, next)).sort()).toEqual(['briefings', 'index.html']);
});

test('the newest five releases are kept, and the live one is never deleted', async () => {
  const ids: string[] = [];
  for (let n = 1; n <= 7; n++) ids.push(await release(`第${n}版`));
  expect(new Set(ids).size).toBe(7);
  // Roll back to the oldest, then activate the newest builds one by one.
  await activateRelease(releases, ids[0]!);
  expect((await listReleases(releases)).map((entry) => entry.id)).toEqual([...ids.slice(2)].reverse().concat(ids[0]!));
  expect(served()).toBe('<h1>第1版</h1>');
  await activateRelease(releases, ids[6]!);
  expect((await listReleases(releases)).map((entry) => entry.id)).toEqual(ids.slice(2).reverse());
  expect((await listReleases(releases)).filter((entry) => entry.live).map((entry) => entry.id)).toEqual([ids[6]]);
  // Set aside at once, deleted from the disk in the background, beside the spare the next release starts from.
  await releasesSettled(releases);
  expect(readdirSync(releases).filter((name) => name.startsWith('.'))).toEqual(['.spare-' + ids[6], '.work', '.work-files'].sort());
  expect(
    readdirSync(releases)
      .filter((name) => /^\d/.test(name))
      .sort(),
  ).toEqual(ids.slice(2).sort());
});

test('the release after a live one is made from its spare, and the live one is not changed by it', async () => {
  const first = await release('第一版');
  await activateRelease(releases, first);
  await releasesSettled(releases);
  const second = await buildRelease({ repoDir: '.', releasesDir: releases, build: writing('第二版') });
  expect(second).toMatchObject({ ok: true, files: { linked: 0, copied: 2 } });
  expect(readdirSync(releases).filter((name) => name.startsWith('.spare'))).toEqual([]);
  expect(served()).toBe('<h1>第一版</h1>');
  await activateRelease(releases, (second as { id: string }).id);
  expect(served()).toBe('<h1>第二版</h1>');
});

test('a rollback serves the older release again, and going forward works after it', async () => {
  const first = await release('旧版');
  const second = await release('新版');
  await activateRelease(releases, second);
  expect(served()).toBe('<h1>新版</h1>');
  await activateRelease(releases, first);
  expect(served()).toBe('<h1>旧版</h1>');
  expect(readdirSync(releases)).not.toContain('current.tmp');
  await activateRelease(releases, second);
  expect(served()).toBe('<h1>新版</h1>');
});

test('a site under a base path is built into the release below that path, as nginx serves it', async () => {
  const result = await buildRelease({
    repoDir: '.',
    releasesDir: releases,
    siteUrl: 'https://www.example.gov.cn/yshj/',
    build: writing('子路径版'),
  });
  await activateRelease(releases, (result as { id: string }).id);
  expect(readFileSync(join(releases, 'current', 'yshj', 'index.html'), 'utf8')).toBe('<h1>子路径版</h1>');
});

test('only a release folder can be activated', async () => {
  await activateRelease(releases, await release('线上版'));
  for (const id of ['../etc', 'current', '.cache', '20990101-000000']) {
    await expect(activateRelease(releases, id)).rejects.toThrow(/没有编号/);
  }
  expect(served()).toBe('<h1>线上版</h1>');
});

test('the build sees exactly the content published, and files that did not change are not written again', async () => {
  const seen: Record<string, string>[] = [];
  const modified: Record<string, number>[] = [];
  const reading: BuildStep = async (options) => {
    const files = filesUnder(options.contentDir!);
    seen.push(Object.fromEntries(files.map((file) => [relative(options.contentDir!, file), readFileSync(file, 'utf8')])));
    modified.push(Object.fromEntries(files.map((file) => [relative(options.contentDir!, file), statSync(file).mtimeMs])));
    // Dated long ago, so a file written again by the next publication shows it.
    for (const file of files) utimesSync(file, 1, 1);
    return writing('版')(options);
  };
  const publish = (content: { path: string; text: string }[]) =>
    buildRelease({ repoDir: '.', releasesDir: releases, build: reading, content });
  await publish([
    { path: 'tables/regions.csv', text: '编号,名称\n' },
    { path: 'briefings/a.mdx', text: '第一期' },
    { path: 'briefings/b.mdx', text: '第二期' },
  ]);
  // b withdrawn, a corrected to text of the same length, c added.
  await publish([
    { path: 'tables/regions.csv', text: '编号,名称\n' },
    { path: 'briefings/a.mdx', text: '第壹期' },
    { path: 'briefings/c.mdx', text: '第三期' },
  ]);
  expect(seen[1]).toEqual({ 'tables/regions.csv': '编号,名称\n', 'briefings/a.mdx': '第壹期', 'briefings/c.mdx': '第三期' });
  expect(modified[1]!['tables/regions.csv']).toBe(1000);
  expect(modified[1]!['briefings/a.mdx']).not.toBe(1000);
});

test('content is staged as given; a file unchanged since it was last staged is not read again', async () => {
  const source = join(releases, 'repo-content');
  mkdirSync(join(source, 'tables'), { recursive: true });
  const settle = (path: string, seconds: number) =>
    utimesSync(path, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000));
  const write = (name: string, text: string, age: number) => {
    writeFileSync(join(source, name), text);
    settle(join(source, name), age);
  };
  write('tables/a.csv', '甲,乙\n1,2\n', 60);
  write('tables/b.csv', '丙,丁\n3,4\n', 60);
  /** The content as the desk lists it, noting each file whose text was asked for. */
  const listed = (asked: Set<string>) =>
    statedContentFiles(source).map((file) =>
      Object.defineProperty({ ...file, text: '' }, 'text', {
        get: () => (asked.add(file.path), file.text),
      }),
    );
  const staged = () =>
    Object.fromEntries(
      filesUnder(join(releases, '.content')).map((f) => [relative(join(releases, '.content'), f), readFileSync(f, 'utf8')]),
    );
  const stage = async () => {
    const asked = new Set<string>();
    const result = await buildRelease({ repoDir: '.', releasesDir: releases, build: writing('版'), content: listed(asked) });
    expect(result.ok).toBe(true);
    return [...asked].sort();
  };
  expect(await stage()).toEqual(['tables/a.csv', 'tables/b.csv']);
  expect(await stage()).toEqual([]);
  expect(staged()).toEqual({ 'tables/a.csv': '甲,乙\n1,2\n', 'tables/b.csv': '丙,丁\n3,4\n' });
  // Edited at the same size: its time tells. Another written into the staged folder is put right.
  write('tables/a.csv', '甲,乙\n5,6\n', 30);
  writeFileSync(join(releases, '.content', 'tables', 'b.csv'), '丙,丁\n0,0\n');
  expect(await stage()).toEqual(['tables/a.csv', 'tables/b.csv']);
  expect(staged()).toEqual({ 'tables/a.csv': '甲,乙\n5,6\n', 'tables/b.csv': '丙,丁\n3,4\n' });
  // Written just now: read until it has settled.
  write('tables/b.csv', '丙,丁\n7,8\n', 0);
  expect(await stage()).toEqual(['tables/b.csv']);
  expect(staged()['tables/b.csv']).toBe('丙,丁\n7,8\n');
});
