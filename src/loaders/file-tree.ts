/** The one directory walker: every file under a folder, for the loaders, integrations, scripts and tests. */
import { readdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Every file under `dir`, subfolders included, as full paths in path order (so results do not depend on the file
 * system); the folder `skipped` (a full path) is not entered.
 */
export function filesUnder(dir: string, skipped?: string): string[] {
  const files: string[] = [];
  // Paths are joined by hand, and sorted once: path.join on each of a built site's 200,000 files took half the walk.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) {
        if (path !== skipped) walk(path, path + sep);
      } else if (entry.isFile()) files.push(path);
    }
  };
  walk(dir, join(dir, '_').slice(0, -1));
  return files.sort();
}

/**
 * A file's size, modification time and inode, as one string: equal only while nothing has written the file, so
 * what was worked out from it can be kept (the desk's release folders, the build's list of external links).
 */
export function fileState(path: string): string {
  return stateOf(statSync(path, { bigint: true }));
}

/** Whether `path` is a file holding exactly `bytes`: a writer that finds them there leaves the file as it is. */
export function holdsBytes(path: string, bytes: Uint8Array): boolean {
  const there = statSync(path, { throwIfNoEntry: false });
  return there !== undefined && there.isFile() && there.size === bytes.length && readFileSync(path).equals(bytes);
}

/** `fileState` of what `statSync(path, { bigint: true })` gave. */
export const stateOf = ({ size, mtimeNs, ino }: BigIntStats): string => `${size}:${mtimeNs}:${ino}`;

/**
 * What an earlier run kept in `path` as JSON (a build cache, the desk's record of its work folder), or undefined
 * when there is none or it cannot be read: a process stopped while writing it leaves it cut short, and the work it
 * would have saved is then done again rather than failing every run after.
 */
export function keptJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
