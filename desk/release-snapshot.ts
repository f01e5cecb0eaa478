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
 * record, `.work-files.json`, sits beside the releases).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { dirname, join, relative } from 'node:path';
import { fileState, filesUnder, keptJson } from '../src/loaders/file-tree.ts';

/** What the work folder held when a release was made from it. */
interface WorkFolderRecord {
  release: string;
  /** Each file's path in the work folder, and its size, modification time and inode then. */
  files: Record<string, string>;
}

/**
 * Which files of the work folder (`current`: path → size, time and inode) can
 * be the previous release's own, and which must be copied: a file is linked
 * only if it is exactly as it was when the previous release was made.
 */
function snapshotPlan(current: ReadonlyMap<string, string>, previous: WorkFolderRecord | undefined): { link: string[]; copy: string[] } {
  const plan = { link: [] as string[], copy: [] as string[] };
  for (const [path, state] of current) (previous?.files[path] === state ? plan.link : plan.copy).push(path);
  return plan;
}

const WORK_FOLDER_RECORD = '.work-files.json';

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
  const recorded = keptJson<WorkFolderRecord>(recordFile);
  // A record whose release has been deleted has nothing to link to.
  const previous = recorded && existsSync(join(releasesDir, recorded.release)) ? recorded : undefined;

  const current = new Map<string, string>();
  await inSlices(filesUnder(workDir), (file) => current.set(relative(workDir, file), fileState(file)));
  const plan = snapshotPlan(current, previous);
  const target = join(releasesDir, into);
  await inSlices([...new Set([...current.keys()].map((path) => dirname(join(target, path))))], (folder) => {
    mkdirSync(folder, { recursive: true });
  });
  let linked = 0;
  await inSlices(plan.link, (path) => {
    try {
      linkSync(join(releasesDir, previous!.release, path), join(target, path));
      linked += 1;
    } catch {
      // A file system without hard links, or a file the previous release lost: a copy serves as well.
      copyFileSync(join(workDir, path), join(target, path));
    }
  });
  await inSlices(plan.copy, (path) => copyFileSync(join(workDir, path), join(target, path)));
  const record: WorkFolderRecord = { release, files: Object.fromEntries([...current].sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeFile(recordFile, JSON.stringify(record));
  return { linked, copied: current.size - linked };
}
