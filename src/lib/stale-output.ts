/**
 * What a `npm run build -- --changed` must delete from its output folder. Such
 * a build writes over the previous one's output instead of emptying the folder
 * first, so that pages whose key and code did not change stay where they are
 * rather than being copied again. It must then delete what the previous build
 * made and this one did not: a withdrawn briefing's page, a script bundle of
 * older code, a download no longer published; and the compressed copies that
 * no longer match their file, so that only those are compressed again.
 */

import { isCompressedCopy, originalOfCopy } from './precompression.ts';

export interface OutputFile {
  path: string;
  /** Modification time in nanoseconds, as `stat` gives it with `bigint: true`. */
  modified: bigint;
}

/**
 * Files neither written since the build started (at `started`, as the file
 * system's clock gave it) nor kept by Astro as an output of this build (`kept`:
 * the pages it left in place because they had not changed). A compressed copy
 * left from an earlier build stays only if this build compresses too and its
 * file is still there, unchanged since the copy was made.
 */
export function staleOutputFiles(
  files: readonly OutputFile[],
  kept: ReadonlySet<string>,
  started: bigint,
  { precompressed }: { precompressed: boolean },
): string[] {
  const modified = new Map(files.map((file) => [file.path, file.modified]));
  const isStale = (path: string, time: bigint): boolean => {
    if (time >= started) return false;
    if (!isCompressedCopy(path)) return !kept.has(path);
    const original = originalOfCopy(path);
    const originalTime = modified.get(original);
    return !precompressed || originalTime === undefined || originalTime > time || isStale(original, originalTime);
  };
  return files.filter((file) => isStale(file.path, file.modified)).map((file) => file.path);
}
