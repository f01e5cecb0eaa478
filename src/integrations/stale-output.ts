/**
 * For `npm run build -- --changed`: deletes what the previous build left in
 * the output folder and this build did not make (see lib/stale-output.ts), so
 * the folder holds exactly what a full build would. Runs before the
 * integrations that read or compress the built files. The search index's
 * folder is left to the index's process (write-search-index.ts), which knows
 * what it wrote and deleted there.
 */
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CHANGED_BUILD, PRECOMPRESSED_BUILD } from '../lib/build-mode.ts';
import { staleOutputFiles } from '../lib/stale-output.ts';
import { builtFileModified, filesOutsideSearchIndex, forgetBuiltFiles, outputFolder } from './built-files.ts';

/** When this `--changed` build started, as the file system's clock has it: the one that stamps the files the build writes. */
let started: bigint | undefined;

/** Deletes `dir` and the folders above it, up to `root`, while they are empty. */
export function removeEmptyFolders(dir: string, root: string): void {
  for (let folder = dir; folder.startsWith(root) && folder !== root && readdirSync(folder).length === 0; folder = dirname(folder))
    rmdirSync(folder);
}

/**
 * Deletes the stale files among `files` (below `root`): neither written by
 * this build nor `kept` by it, and compressed copies that no longer match
 * their file. Returns how many; none outside a `--changed` build.
 */
function deleteStaleOutput(root: string, files: readonly string[], kept: ReadonlySet<string>): number {
  if (started === undefined) return 0;
  const stated = files.map((path) => ({ path, modified: builtFileModified(path) }));
  const stale = staleOutputFiles(stated, kept, started, { precompressed: PRECOMPRESSED_BUILD });
  for (const file of stale) rmSync(file);
  forgetBuiltFiles(stale);
  for (const folder of new Set(stale.map((file) => dirname(file)))) removeEmptyFolders(folder, root);
  return stale.length;
}

export function staleOutput(): AstroIntegration {
  return {
    name: 'stale-output',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || !CHANGED_BUILD) return;
        const marker = fileURLToPath(new URL('build-started', config.cacheDir));
        mkdirSync(dirname(marker), { recursive: true });
        writeFileSync(marker, '');
        started = statSync(marker, { bigint: true }).mtimeNs;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (started === undefined) return;
        const out = outputFolder(dir);
        const kept = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const deleted = deleteStaleOutput(out, filesOutsideSearchIndex(out), kept);
        if (deleted > 0) logger.info(`删除了上次构建留下、本次没有生成的 ${deleted} 个文件`);
      },
    },
  };
}
