/**
 * A release folder made from the desk's work folder, the one folder every
 * release build writes over (pages that did not change stay there, see
 * lib/stale-output.ts). A release must never change once made, and the next
 * build will write into the work folder, so each release holds its own files:
 * copies of the files that changed since the previous release, and hard links
 * to the previous release's files for the rest. Releases are never written
 * into, so a linked file is as safe as a copy; a province-scale release then
 * takes seconds and little disk instead of another gigabyte and a half.
 *
 * Whether a file changed is told by its size, modification time and inode in
 * the work folder, recorded for every file when a release is made (the
 * record, `.work-files`, sits beside the releases).
 *
 * Linking 200,000 files into 20,000 folders takes seconds whatever changed, so
 * it is done ahead: once a release is live, `prepareSpare` links a copy of it
 * (`.spare-<release>`), and the next release is that copy with the changed
 * files replaced, which costs what changed.
 *
 * The changed files are moved into the release rather than copied, and copied
 * back into the work folder once the release is live (`restoreWorkFolder`):
 * renaming a new briefing's 16,000 files at province scale takes a fraction
 * of the 1.5 s copying them took while staff waited.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { fileState, filesUnder, keptJson } from '../src/loaders/file-tree.ts';

/** What the work folder held when a release was made from it. */
interface WorkFolderRecord {
  release: string;
  /** Each file's path in the work folder, and its size, modification time and inode then. */
  files: ReadonlyMap<string, string>;
}

/**
 * The record is text: the release, then a line `<state>\t<path>` for each file, then `end`. JSON of 200,000
 * entries took a second to write and read back at province scale; this takes a tenth of that.
 */
function recordText(record: WorkFolderRecord): string {
  const lines = [record.release];
  for (const [path, state] of record.files) lines.push(`${state}\t${path}`);
  lines.push('end', '');
  return lines.join('\n');
}

/** The record in `file`, or undefined when there is none or it was cut short (the desk stopped while writing it). */
function readRecord(file: string): WorkFolderRecord | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  if (lines.length < 3 || lines.at(-2) !== 'end' || lines.at(-1) !== '') return undefined;
  const files = new Map<string, string>();
  for (const line of lines.slice(1, -2)) {
    const tab = line.indexOf('\t');
    files.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return { release: lines[0]!, files };
}

/**
 * Which files of the work folder (`current`: path → size, time and inode) can
 * be the previous release's own, and which must be copied: a file is linked
 * only if it is exactly as it was when the previous release was made.
 */
function snapshotPlan(current: ReadonlyMap<string, string>, previous: WorkFolderRecord | undefined): { link: string[]; copy: string[] } {
  const plan = { link: [] as string[], copy: [] as string[] };
  for (const [path, state] of current) (previous?.files.get(path) === state ? plan.link : plan.copy).push(path);
  return plan;
}

const WORK_FOLDER_RECORD = '.work-files';
const SPARE = '.spare-';
const SPARE_BEING_MADE = '.spare-being-made';

/**
 * Runs `step` on every item with the file system's synchronous calls, which at province scale (69,000 files,
 * 20,000 folders) took half the time of the thread pool's round trips, letting the desk answer its other requests
 * between slices of a thousand.
 */
async function inSlices<T>(items: readonly T[], step: (item: T) => void): Promise<void> {
  for (let at = 0; at < items.length; at += 1000) {
    for (const item of items.slice(at, at + 1000)) step(item);
    await nextTurn();
  }
}

/**
 * Makes `<releasesDir>/<into>` a copy of `workDir` for release `release`,
 * sharing unchanged files with the release recorded last, and records the
 * work folder for the next one. Returns how many files were linked and copied.
 */
export async function snapshotRelease({
  workDir,
  releasesDir,
  into,
  release,
}: {
  workDir: string;
  releasesDir: string;
  /** The folder to fill, below `releasesDir`; renamed to `release` once complete. */
  into: string;
  release: string;
}): Promise<{ linked: number; copied: number }> {
  const recordFile = join(releasesDir, WORK_FOLDER_RECORD);
  const recorded = readRecord(recordFile);
  // A record whose release has been deleted has nothing to link to.
  const previous = recorded && existsSync(join(releasesDir, recorded.release)) ? recorded : undefined;

  const current = new Map<string, string>();
  // Cut rather than path.relative, which resolves both paths each time: 0.3 s for a province site's 209,000 files.
  const prefix = join(workDir, '_').slice(0, -1);
  await inSlices(filesUnder(workDir), (file) => current.set(file.slice(prefix.length), fileState(file)));
  const plan = snapshotPlan(current, previous);
  const target = join(releasesDir, into);
  const spare = previous && join(releasesDir, SPARE + previous.release);
  let linked: number;
  if (spare && existsSync(spare)) {
    renameSync(spare, target);
    await removeChanged(target, previous.files, current);
    await makeFolders(target, plan.copy);
    linked = plan.link.length;
  } else {
    await makeFolders(target, current.keys());
    linked = await linkFiles(
      plan.link,
      (path) => join(releasesDir, previous!.release, path),
      target,
      (path) => join(workDir, path),
    );
  }
  // The work folder's own files, never a previous release's (removeChanged unlinked those): moved, and copied back
  // once the release is live. Recorded first, so that a desk stopped in between knows the work folder is not whole.
  await writeFile(join(releasesDir, WORK_FOLDER_LENT), JSON.stringify({ release, workDir, paths: plan.copy } satisfies LentFiles));
  await inSlices(plan.copy, (path) => renameSync(join(workDir, path), join(target, path)));
  // In path order already: filesUnder sorts.
  await writeFile(recordFile, recordText({ release, files: current }));
  return { linked, copied: current.size - linked };
}

/** The files a release took from the work folder, to be copied back (`restoreWorkFolder`). */
interface LentFiles {
  release: string;
  workDir: string;
  /** In path order, so that a file is copied back before its compressed copies, which must not be older (stale-output.ts). */
  paths: string[];
}
const WORK_FOLDER_LENT = '.work-lent.json';

/**
 * Copies back into the work folder the files the last release took from it, and records their new states, so
 * that the next build finds the folder whole and the next release shares them. When it cannot (the release is
 * gone, or the desk stopped before naming it), `startAfresh` must empty the work folder and the build's cache, as
 * after a failed build. Returns whether the work folder was whole or made whole again.
 */
export async function restoreWorkFolder(releasesDir: string, startAfresh: () => Promise<void>): Promise<boolean> {
  const lentFile = join(releasesDir, WORK_FOLDER_LENT);
  if (!existsSync(lentFile)) return true;
  const lent = keptJson<LentFiles>(lentFile);
  let whole = lent !== undefined && existsSync(join(releasesDir, lent.release));
  if (lent && whole) {
    const release = join(releasesDir, lent.release);
    try {
      await inSlices(lent.paths, (path) => copyFileSync(join(release, path), join(lent.workDir, path)));
      const recordFile = join(releasesDir, WORK_FOLDER_RECORD);
      const record = readRecord(recordFile);
      if (record?.release === lent.release) {
        const files = new Map(record.files);
        for (const path of lent.paths) files.set(path, fileState(join(lent.workDir, path)));
        await writeFile(recordFile, recordText({ release: record.release, files }));
      }
    } catch {
      // A full disk, a work folder gone: starting afresh always works, where trying again might fail every time.
      whole = false;
    }
  }
  if (!whole) await startAfresh();
  rmSync(lentFile);
  return whole;
}

/** Every folder holding the files, and their parents up to the top (`.`). */
function foldersOf(paths: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const path of paths)
    for (let folder = dirname(path); !folders.has(folder); folder = dirname(folder)) {
      folders.add(folder);
      if (folder === '.') break;
    }
  return folders;
}

function makeFolders(target: string, paths: Iterable<string>): Promise<void> {
  return inSlices([...foldersOf(paths)], (folder) => {
    mkdirSync(join(target, folder), { recursive: true });
  });
}

/**
 * Puts each of `paths` in `target` as a hard link to `source(path)`; a file that cannot be linked (a file system
 * without hard links, a file the source lost) is copied from `fallback(path)`. Returns how many were linked.
 */
async function linkFiles(
  paths: readonly string[],
  source: (path: string) => string,
  target: string,
  fallback: (path: string) => string,
): Promise<number> {
  let linked = 0;
  await inSlices(paths, (path) => {
    try {
      linkSync(source(path), join(target, path));
      linked += 1;
    } catch {
      copyFileSync(fallback(path), join(target, path));
    }
  });
  return linked;
}

/**
 * Readies a spare, a linked copy of the previous release (whose files were `previousFiles`), for the changed and
 * new files: the files gone or changed are unlinked, and the folders left empty removed.
 */
async function removeChanged(
  target: string,
  previousFiles: WorkFolderRecord['files'],
  current: ReadonlyMap<string, string>,
): Promise<void> {
  const stale = [...previousFiles].filter(([path, state]) => current.get(path) !== state).map(([path]) => path);
  await inSlices(stale, (path) => rmSync(join(target, path), { force: true }));
  const kept = foldersOf(current.keys());
  const emptied = [...foldersOf(previousFiles.keys())].filter((folder) => !kept.has(folder));
  await inSlices(emptied, (folder) => rmSync(join(target, folder), { recursive: true, force: true }));
}

/**
 * Links a copy of the release the work folder was last recorded for into `.spare-<release>`, for the next
 * release to start from, unless it is there; spares of other releases are deleted. Run once a release is live,
 * while nobody waits.
 */
export async function prepareSpare(releasesDir: string): Promise<void> {
  const recorded = readRecord(join(releasesDir, WORK_FOLDER_RECORD));
  const wanted = recorded && existsSync(join(releasesDir, recorded.release)) ? SPARE + recorded.release : undefined;
  for (const name of readdirSync(releasesDir))
    if (name.startsWith(SPARE) && name !== wanted) rmSync(join(releasesDir, name), { recursive: true, force: true });
  if (!recorded || !wanted || existsSync(join(releasesDir, wanted))) return;
  const release = join(releasesDir, recorded.release);
  const making = join(releasesDir, SPARE_BEING_MADE);
  const paths = [...recorded.files.keys()];
  await makeFolders(making, paths);
  await linkFiles(
    paths,
    (path) => join(release, path),
    making,
    (path) => join(release, path),
  );
  // Complete or absent: a spare is found only under its final name.
  renameSync(making, join(releasesDir, wanted));
}
