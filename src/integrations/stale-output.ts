/**
 * For `npm run build -- --changed`: deletes what the previous build left in
 * the output folder and this build did not make (see lib/stale-output.ts), so
 * the folder holds exactly what a full build would. Placed after the search
 * index, which keeps its unchanged files (built-files.ts `keptFiles`), and
 * before the integrations that read or compress the built files.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHANGED_BUILD, PRECOMPRESSED_BUILD } from '../lib/build-mode.ts';
import { staleOutputFiles } from '../lib/stale-output.ts';
import { builtFiles, keptFiles } from './built-files.ts';

/** Deletes `dir` and the folders above it, up to `root`, while they are empty. */
function removeEmptyFolders(dir: string, root: string): void {
  for (let folder = dir; folder.startsWith(root) && folder !== root && readdirSync(folder).length === 0; folder = dirname(folder))
    rmdirSync(folder);
}

export function staleOutput(): AstroIntegration {
  let started: bigint | undefined;
  return {
    name: 'stale-output',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || !CHANGED_BUILD) return;
        // The start as the file system's clock has it: the one that stamps the files the build writes.
        const marker = fileURLToPath(new URL('build-started', config.cacheDir));
        mkdirSync(dirname(marker), { recursive: true });
        writeFileSync(marker, '');
        started = statSync(marker, { bigint: true }).mtimeNs;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (started === undefined) return;
        const out = fileURLToPath(dir).replace(/\/$/, '');
        const kept = new Set([...[...assets.values()].flat().map((url) => fileURLToPath(url)), ...keptFiles]);
        const files = builtFiles(out).map((path) => ({ path, modified: statSync(path, { bigint: true }).mtimeNs }));
        const stale = staleOutputFiles(files, kept, started, { precompressed: PRECOMPRESSED_BUILD });
        for (const file of stale) rmSync(file);
        for (const folder of new Set(stale.map((file) => dirname(file)))) removeEmptyFolders(folder, out);
        if (stale.length > 0) logger.info(`删除了上次构建留下、本次没有生成的 ${stale.length} 个文件`);
      },
    },
  };
}
