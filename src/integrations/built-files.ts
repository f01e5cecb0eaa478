/**
 * The file side shared by the integrations that read the built site after the
 * build: its folder and every file under it. What to do with each file is
 * theirs, in pure modules of lib/.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../loaders/file-tree.ts';
import { SEARCH_INDEX_DIR } from '../lib/search/search-index-format.ts';

/** Every file under `dir`, subfolders included, as full paths in path order. */
export const builtFiles: (dir: string) => string[] = filesUnder;

/** The built site's folder, as Astro's build hooks give it, as a path without the trailing slash. */
export const outputFolder = (dir: URL): string => fileURLToPath(dir).replace(/\/$/, '');

/**
 * The built site's files outside its search index: the index's process may
 * still be writing there while the other integrations run, so the
 * search-index integration deals with that folder itself once it is done.
 */
export function filesOutsideSearchIndex(out: string): string[] {
  // Not entered at all: it holds more than half of a province site's files.
  return filesUnder(out, join(out, SEARCH_INDEX_DIR));
}
