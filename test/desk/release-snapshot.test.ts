/**
 * Releases made from the desk's work folder: files that did not change are
 * shared with the previous release, changed and new files are copied, and a
 * release never changes once made, whatever the next build writes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { snapshotRelease } from '../../desk/release-snapshot.ts';

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

const snapshot = (release: string) => snapshotRelease({ workDir: work, releasesDir: releases, into: release, release });
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
  const record = join(releases, '.work-files.json');
  writeFileSync(record, readFileSync(record, 'utf8').slice(0, 20));
  expect(await snapshot('r2')).toEqual({ linked: 0, copied: 2 });
  expect(readFileSync(join(releases, 'r2', 'index.html'), 'utf8')).toBe('首页 第1版');
  // And the record is whole again, so the next release shares files.
  expect(await snapshot('r3')).toEqual({ linked: 2, copied: 0 });
});
