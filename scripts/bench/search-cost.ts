/**
 * What a reader's browser downloads for its first search on a page: the
 * index meta file plus every postings and record file the query needs,
 * found by running the site's own search code over the built files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openSearchIndex, runtimeSegmenter, queryShardedIndex } from '../../src/lib/search/search-shards.ts';
import { SEARCH_INDEX_DIR, type SearchIndexMeta } from '../../src/lib/search/search-index-format.ts';

export interface QueryCost {
  bytes: number;
  /** As served compressed (gzip level 9). */
  gzipBytes: number;
  files: string[];
  /** Whether every candidate was checked (see src/lib/search/search-shards.ts). */
  complete: boolean;
  total: number;
}

export async function coldQueryCost(siteDir: string, query: string): Promise<QueryCost> {
  const fetched = new Map<string, Buffer>();
  const read = (path: string) => {
    if (!fetched.has(path)) fetched.set(path, readFileSync(join(siteDir, SEARCH_INDEX_DIR, path)));
    return fetched.get(path)!.toString('utf8');
  };
  const meta = JSON.parse(read('meta.json')) as SearchIndexMeta;
  const response = await queryShardedIndex(
    openSearchIndex({ meta, load: async (path) => read(path), segment: runtimeSegmenter() }),
    query,
    { limit: 20 },
  );
  const sizes = [...fetched.values()];
  return {
    bytes: sizes.reduce((sum, b) => sum + b.length, 0),
    gzipBytes: sizes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
    files: [...fetched.keys()],
    complete: response.complete,
    total: response.total,
  };
}
