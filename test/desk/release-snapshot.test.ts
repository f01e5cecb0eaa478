/**
 * Releases made from the desk's work folder: files that did not change are
 * shared with the previous release, changed and new files are the release's
 * own (moved into it, then copied back into the work folder), and a release
 * never changes once made, whatever the next build writes. A release made
 * from a prepared spare is the same as one made without.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { prepareSpare, restoreWorkFolder, snapshotRelease } from '../../desk/release-snapshot.ts';

let releases: string;
let work: string;
beforeEach(() => {
  releases = mkdtempSync(join(tmpdir(), 'desk-snapshot-'));
  work = join(releases, '.work', 'site');
  mkdirSync(join(work, 'briefings', 'a'), { recursive: true });
  writeFileSync(join(work, 'index.html'), '首页 第1版');
  writeFileSync(join(work, 'briefings', 'a', 'index.html'), '简报甲');
});
afterEach(() => rmSync(releases, { recursive: true, force: true }));

/** A release made, then the work folder made whole again, as the desk does once the release is live. */
async function snapshot(release: string) {
  const made = await snapshotRelease({ workDir: work, releasesDir: releases, into: release, release });
  expect(await restoreWorkFolder(releases, () => Promise.reject(new Error('the work folder was whole')))).toBe(true);
  return made;
}
const inode = (...path: string[]) => statSync(join(releases, ...path)).ino;

test('a release shares unchanged files with the previous one and copies what changed or is new', async () => {
  expect(await snapshot('r1')).toEqual({ linked: 0, copied: 2 });
  // The next build writes over the home page in place and adds a briefing.
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  mkdirSync(join(work, 'briefings', 'b'));
  writeFileSync(join(work, 'briefings', 'b', 'index.html'), '简报乙');
  expect(await snapshot('r2')).toEqual({ linked: 1, copied: 2 });

  expect(readFileSync(join(releases, 'r2', 'index.html'), 'utf8')).toBe('首页 第2版');
  expect(readFileSync(join(releases, 'r2', 'briefings', 'b', 'index.html'), 'utf8')).toBe('简报乙');
  expect(inode('r2', 'briefings', 'a', 'index.html')).toBe(inode('r1', 'briefings', 'a', 'index.html'));
  // The older release is as it was made, though the work folder's file was written in place.
  expect(readFileSync(join(releases, 'r1', 'index.html'), 'utf8')).toBe('首页 第1版');
  expect(existsSync(join(releases, 'r1', 'briefings', 'b'))).toBe(false);
});

test('a file the build no longer makes is not in the next release', async () => {
  await snapshot('r1');
  rmSync(join(work, 'briefings', 'a'), { recursive: true });
  await snapshot('r2');
  expect(existsSync(join(releases, 'r2', 'briefings', 'a', 'index.html'))).toBe(false);
  expect(readFileSync(join(releases, 'r1', 'briefings', 'a', 'index.html'), 'utf8')).toBe('简报甲');
});

test('when the recorded release has been deleted, every file is copied', async () => {
  await snapshot('r1');
  rmSync(join(releases, 'r1'), { recursive: true });
  expect(await snapshot('r2')).toEqual({ linked: 0, copied: 2 });
  expect(readFileSync(join(releases, 'r2', 'briefings', 'a', 'index.html'), 'utf8')).toBe('简报甲');
});

test('a record of the work folder cut short (the desk stopped while writing it) gives a release of copies, not a failure', async () => {
  await snapshot('r1');
  const record = join(releases, '.work-files');
  writeFileSync(record, readFileSync(record, 'utf8').slice(0, 20));
  expect(await snapshot('r2')).toEqual({ linked: 0, copied: 2 });
  expect(readFileSync(join(releases, 'r2', 'index.html'), 'utf8')).toBe('首页 第1版');
  // And the record is whole again, so the next release shares files.
  expect(await snapshot('r3')).toEqual({ linked: 2, copied: 0 });
});

/** Every folder and file below `dir`, with each file's text: what a reader of the release gets. */
function tree(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    entries[path] = entry.isDirectory() ? '(folder)' : readFileSync(join(dir, path), 'utf8');
  }
  return entries;
}

test('a release made from the prepared spare holds what the work folder holds, and the previous release stays as made', async () => {
  writeFileSync(join(work, 'briefings', 'list.html'), '简报列表');
  await snapshot('r1');
  const first = tree(join(releases, 'r1'));
  await prepareSpare(releases);
  expect(existsSync(join(releases, '.spare-r1'))).toBe(true);
  // The next build writes over the home page in place, adds a briefing, drops another with its folder, and turns
  // a page into a folder.
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  mkdirSync(join(work, 'briefings', 'b'));
  writeFileSync(join(work, 'briefings', 'b', 'index.html'), '简报乙');
  rmSync(join(work, 'briefings', 'a'), { recursive: true });
  rmSync(join(work, 'briefings', 'list.html'));
  mkdirSync(join(work, 'briefings', 'list.html'));
  writeFileSync(join(work, 'briefings', 'list.html', 'index.html'), '简报列表 第2版');
  expect(await snapshot('r2')).toEqual({ linked: 0, copied: 3 });

  expect(tree(join(releases, 'r2'))).toEqual(tree(work));
  expect(tree(join(releases, 'r1'))).toEqual(first);
  expect(readdirSync(releases).filter((name) => name.startsWith('.spare'))).toEqual([]);
});

test("unchanged files of a release made from the spare are the previous release's own", async () => {
  await snapshot('r1');
  await prepareSpare(releases);
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  expect(await snapshot('r2')).toEqual({ linked: 1, copied: 1 });
  expect(inode('r2', 'briefings', 'a', 'index.html')).toBe(inode('r1', 'briefings', 'a', 'index.html'));
  expect(inode('r2', 'index.html')).not.toBe(inode('r1', 'index.html'));
  expect(readFileSync(join(releases, 'r1', 'index.html'), 'utf8')).toBe('首页 第1版');
});

test('a spare of an older release than the one recorded is not used, and the next spare replaces it', async () => {
  await snapshot('r1');
  await prepareSpare(releases);
  // The record lost, r2 is made of copies and the spare of r1 stays behind.
  writeFileSync(join(releases, '.work-files'), '');
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  expect(await snapshot('r2')).toEqual({ linked: 0, copied: 2 });
  writeFileSync(join(work, 'index.html'), '首页 第3版');
  expect(await snapshot('r3')).toEqual({ linked: 1, copied: 1 });
  expect(tree(join(releases, 'r3'))).toEqual(tree(work));
  await prepareSpare(releases);
  expect(readdirSync(releases).filter((name) => name.startsWith('.spare'))).toEqual(['.spare-r3']);
});

test('the changed files a release took are copied back into the work folder, as its own, and shared by the next release', async () => {
  await snapshot('r1');
  await prepareSpare(releases);
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  const before = tree(work);
  expect(await snapshotRelease({ workDir: work, releasesDir: releases, into: 'r2', release: 'r2' })).toEqual({ linked: 1, copied: 1 });
  // Taken by the release until it is live.
  expect(existsSync(join(work, 'index.html'))).toBe(false);
  expect(await restoreWorkFolder(releases, () => Promise.reject(new Error('not lost')))).toBe(true);
  expect(tree(work)).toEqual(before);
  expect(statSync(join(work, 'index.html')).ino).not.toBe(inode('r2', 'index.html'));
  // The next build writes over the work folder's copy; the release keeps its own, and the next release shares what did not change.
  writeFileSync(join(work, 'index.html'), '首页 第3版');
  expect(readFileSync(join(releases, 'r2', 'index.html'), 'utf8')).toBe('首页 第2版');
  await prepareSpare(releases);
  expect(await snapshot('r3')).toEqual({ linked: 1, copied: 1 });
  expect(inode('r3', 'briefings', 'a', 'index.html')).toBe(inode('r1', 'briefings', 'a', 'index.html'));
});

test('when the release that took files is gone before they were copied back, the work folder is started afresh', async () => {
  await snapshot('r1');
  writeFileSync(join(work, 'index.html'), '首页 第2版');
  await snapshotRelease({ workDir: work, releasesDir: releases, into: '.building-r2', release: 'r2' });
  // The desk stopped before naming the release, which was then cleared away.
  rmSync(join(releases, '.building-r2'), { recursive: true });
  const started: string[] = [];
  expect(await restoreWorkFolder(releases, async () => void started.push('afresh'))).toBe(false);
  expect(started).toEqual(['afresh']);
  // Once started afresh, there is nothing left to restore.
  expect(await restoreWorkFolder(releases, () => Promise.reject(new Error('twice')))).toBe(true);
});
