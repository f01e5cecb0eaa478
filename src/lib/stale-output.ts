/**
 * What a `npm run build -- --changed` must delete from its output folder. Such
 * a build writes over the previous one's output instead of emptying the folder
 * first, so that pages whose key and code did not change stay where they are
 * rather than being copied again. It must then delete what the previous build
 * made and this one did not: a withdrawn briefing's page, a script bundle of
 * older code, a download no longer published.
 */

export interface OutputFile {
  path: string;
  /** Modification time in nanoseconds, as `stat` gives it with `bigint: true`. */
  modified: bigint;
}

/**
 * Files neither written since the build started (at `started`, as the file
 * system's clock gave it) nor kept by Astro as an output of this build (`kept`:
 * the pages it left in place because they had not changed).
 */
export function staleOutputFiles(files: Iterable<OutputFile>, kept: ReadonlySet<string>, started: bigint): string[] {
  const stale: string[] = [];
  for (const { path, modified } of files) if (modified < started && !kept.has(path)) stale.push(path);
  return stale;
}
