/**
 * The file side shared by the integrations that read and write the built site
 * after the build: its folder, every file under it, and writing a file. What
 * to do with each file is theirs, in pure modules of lib/.
 */
import { closeSync, constants, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileState, filesUnder, stateOf } from '../loaders/file-tree.ts';
import { SEARCH_INDEX_DIR } from '../lib/search/search-index-format.ts';

/** Every file under `dir`, subfolders included, as full paths in path order. */
export const builtFiles: (dir: string) => string[] = filesUnder;

/** The built site's folder, as Astro's build hooks give it, as a path without the trailing slash. */
export const outputFolder = (dir: URL): string => fileURLToPath(dir).replace(/\/$/, '');

/**
 * The listing of the files outside the search index, made by the first integration that asks once the pages and
 * downloads are in place (stale-output in a `--changed` build, security-headers otherwise) and shared with those
 * after it, with the states stale-output read: each walked a province site's 97,000 files again (about 0.3 s) and
 * security-headers stated its 32,000 pages again. The integrations in between write nothing the later ones read
 * (security-headers' `_headers` and `.htaccess` are neither pages nor compressible); files deleted go through
 * `forgetBuiltFiles`.
 */
let listing: { out: string; files: string[]; states: Map<string, string> } | undefined;

/**
 * The built site's files outside its search index: the index's process may
 * still be writing there while the other integrations run, so the
 * search-index integration deals with that folder itself once it is done.
 */
export function filesOutsideSearchIndex(out: string): string[] {
  // Not entered at all: it holds more than half of a province site's files.
  if (listing?.out !== out) listing = { out, files: filesUnder(out, join(out, SEARCH_INDEX_DIR)), states: new Map() };
  return listing.files;
}

/** A built file's modification time (nanoseconds), its state (`fileState`) kept for `builtFileState`. */
export function builtFileModified(file: string): bigint {
  const stats = statSync(file, { bigint: true });
  listing?.states.set(file, stateOf(stats));
  return stats.mtimeNs;
}

/** A built file's state (`fileState`), as read earlier in this build when it was. */
export function builtFileState(file: string): string {
  return listing?.states.get(file) ?? fileState(file);
}

/** Takes deleted files out of the shared listing. */
export function forgetBuiltFiles(deleted: readonly string[]): void {
  if (!listing || deleted.length === 0) return;
  const gone = new Set(deleted);
  listing.files = listing.files.filter((file) => !gone.has(file));
  for (const file of deleted) listing.states.delete(file);
}

/**
 * Writes `bytes` to `file` over the bytes there, then cuts what is left beyond them, rather than truncating the
 * file first: truncating a file whose blocks are on disk frees them only for the write to allocate them again. A
 * briefing's 16,000 changed search-index files and compressed copies took 2.6 s to open that way at province
 * scale; 8,000 files rewritten each way took 1.2-1.3 s against 0.4 s. A file not there yet is created.
 */
export function writeBuiltFile(file: string, bytes: Uint8Array): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o666);
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written, written);
    ftruncateSync(fd, bytes.length);
  } finally {
    closeSync(fd);
  }
}
