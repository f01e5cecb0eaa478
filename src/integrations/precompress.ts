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
import { builtFiles } from './built-files.ts';

/** Files compressed at once: enough to keep both of zlib's worker threads busy, few enough to keep memory flat. */
const CONCURRENCY = 4;

export function precompress(): AstroIntegration {
  return {
    name: 'precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PRECOMPRESS !== '1') return;
        const queue = builtFiles(fileURLToPath(dir)).filter(isCompressible);
        let bytes = 0;
        let compressed = 0;
        const worker = async () => {
          for (let file = queue.pop(); file; file = queue.pop()) {
            const data = readFileSync(file);
            const { gz, br } = await compressedCopies(data);
            writeFileSync(`${file}.gz`, gz);
            writeFileSync(`${file}.br`, br);
            bytes += data.byteLength;
            compressed += 1;
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        logger.info(`预压缩：${compressed} 个文件（${(bytes / 1e6).toFixed(1)} MB）各写入 .gz 和 .br 副本`);
      },
    },
  };
}
