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
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { filesUnder } from '../src/loaders/file-tree.ts';
import { eachAtOnce } from '../src/lib/each-at-once.ts';

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
  const recorded: WorkFolderRecord | undefined = existsSync(recordFile) ? JSON.parse(await readFile(recordFile, 'utf8')) : undefined;
  // A record whose release has been deleted has nothing to link to.
  const previous = recorded && existsSync(join(releasesDir, recorded.release)) ? recorded : undefined;

  const current = new Map<string, string>();
  await eachAtOnce(filesUnder(workDir), 16, async (file) => {
    const { size, mtimeNs, ino } = await stat(file, { bigint: true });
    current.set(relative(workDir, file), `${size}:${mtimeNs}:${ino}`);
  });
  const plan = snapshotPlan(current, previous);
  const target = join(releasesDir, into);
  await eachAtOnce([...new Set([...current.keys()].map((path) => dirname(join(target, path))))], 16, async (folder) => {
    await mkdir(folder, { recursive: true });
  });
  let linked = 0;
  await eachAtOnce(plan.link, 16, async (path) => {
    try {
      await link(join(releasesDir, previous!.release, path), join(target, path));
      linked += 1;
    } catch {
      // A file system without hard links, or a file the previous release lost: a copy serves as well.
      await copyFile(join(workDir, path), join(target, path));
    }
  });
  await eachAtOnce(plan.copy, 16, (path) => copyFile(join(workDir, path), join(target, path)));
  const record: WorkFolderRecord = { release, files: Object.fromEntries([...current].sort(([a], [b]) => (a < b ? -1 : 1))) };
  await writeFile(recordFile, JSON.stringify(record));
  return { linked, copied: current.size - linked };
}
