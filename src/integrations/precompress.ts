/**
 * With PRECOMPRESS=1, writes a `.gz` and a `.br` copy beside every text file
 * of the built site (see lib/precompression.ts), after every other step has
 * written its files. Hosts that serve precompressed files then send them
 * without compressing on each request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { compressedCopies, isCompressible } from '../lib/precompression.ts';
import { CHANGED_BUILD, PRECOMPRESSED_BUILD } from '../lib/build-mode.ts';
import { builtFiles } from './built-files.ts';
import { eachAtOnce } from '../lib/each-at-once.ts';

/** Files compressed at once: enough to keep both of zlib's worker threads busy, few enough to keep memory flat. */
const CONCURRENCY = 4;

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (!PRECOMPRESSED_BUILD) return;
        const files = builtFiles(fileURLToPath(dir));
        // A `--changed` build keeps the copies of files it did not change (integrations/stale-output.ts deleted the others).
        const present = new Set(CHANGED_BUILD ? files : []);
        const queue = files.filter((file) => isCompressible(file) && !(present.has(`${file}.gz`) && present.has(`${file}.br`)));
        let bytes = 0;
        let compressed = 0;
        await eachAtOnce(queue, CONCURRENCY, async (file) => {
          const data = readFileSync(file);
          const { gz, br } = await compressedCopies(data);
          writeFileSync(`${file}.gz`, gz);
          writeFileSync(`${file}.br`, br);
          bytes += data.byteLength;
          compressed += 1;
        });
        logger.info(`预压缩：${compressed} 个文件（${(bytes / 1e6).toFixed(1)} MB）各写入 .gz 和 .br 副本`);
      },
    },
  };
}
