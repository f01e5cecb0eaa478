/**
 * With PRECOMPRESS=1, writes a `.gz` and a `.br` copy beside every text file
 * of the built site (see lib/precompression.ts), after the other steps have
 * written their files. Hosts that serve precompressed files then send them
 * without compressing on each request. The search index's files are
 * compressed by the index's own process as it finishes
 * (write-search-index.ts, `compressFiles`), while the pages are still being
 * rendered.
 */
import { readFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { compressedCopies, compressedCopyPaths, isCompressible } from '../lib/precompression.ts';
import { CHANGED_BUILD, PRECOMPRESSED_BUILD } from '../lib/build-mode.ts';
import { filesOutsideSearchIndex, outputFolder, writeBuiltFile } from './built-files.ts';
import { eachAtOnce } from '../lib/each-at-once.ts';

/** Files compressed at once: enough to keep both of zlib's worker threads busy, few enough to keep memory flat. */
const CONCURRENCY = 4;

/**
 * Writes the compressed copies of the compressible files among `files`, which holds their copies too. A
 * `--changed` build keeps the copies of files it did not change (integrations/stale-output.ts deleted the others).
 */
export async function compressFiles(files: readonly string[]): Promise<{ compressed: number; bytes: number }> {
  const present = new Set(CHANGED_BUILD ? files : []);
  const queue = files.filter((file) => isCompressible(file) && !compressedCopyPaths(file).every((copy) => present.has(copy)));
  let bytes = 0;
  await eachAtOnce(queue, CONCURRENCY, async (file) => {
    const data = readFileSync(file);
    const { gz, br } = await compressedCopies(data);
    const [gzPath, brPath] = compressedCopyPaths(file);
    writeBuiltFile(gzPath, gz);
    writeBuiltFile(brPath, br);
    bytes += data.byteLength;
  });
  return { compressed: queue.length, bytes };
}

/** What the build log says of a compression. */
export const compressedSummary = ({ compressed, bytes }: { compressed: number; bytes: number }) =>
  `预压缩：${compressed} 个文件（${(bytes / 1e6).toFixed(1)} MB）各写入 .gz 和 .br 副本`;

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!PRECOMPRESSED_BUILD) return;
        logger.info(compressedSummary(await compressFiles(filesOutsideSearchIndex(outputFolder(dir)))));
      },
    },
  };
}
