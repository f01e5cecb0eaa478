/**
 * In a full build, writes the site's downloads (every dataset's CSV and JSON,
 * every chart's CSV: data/download-files.ts) in a child process beside the
 * renderer (write-downloads.ts, see model-process.ts). At province scale they
 * are 12,000 files and 300 MB, which Astro's endpoints wrote one by one on
 * the renderer's thread, a quarter of its page generation, while the
 * machine's other core was idle.
 *
 * The child writes into the cache directory, since Astro empties the output
 * folder once it starts bundling, and the files are moved into the output
 * when the build is done. A `--changed` build renders only the downloads
 * whose key changed, through the endpoints (data/download-paths.ts): making
 * them all again beside it cost a publication about 5 s more.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContentModel } from '../loaders/content-files.ts';
import { CHANGED_BUILD } from '../lib/build-mode.ts';
import { outputFolder } from './built-files.ts';
import { mergeInto, runWithModel } from './model-process.ts';

export function downloads(): AstroIntegration {
  let pending: Promise<string> | undefined;
  let staging = '';
  return {
    name: 'downloads',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || CHANGED_BUILD) return;
        const script = fileURLToPath(new URL('./write-downloads.ts', import.meta.url));
        staging = fileURLToPath(new URL('downloads-build/', config.cacheDir));
        // At a lower priority: the renderer is what the build waits for.
        pending = runWithModel(script, [staging], loadContentModel(), { what: '下载文件', yielding: true });
        // Reported when awaited below; this stops an early failure from being unhandled meanwhile.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!pending) return;
        const summary = await pending;
        mergeInto(staging, outputFolder(dir));
        rmSync(staging, { recursive: true, force: true });
        logger.info(summary);
      },
    },
  };
}
