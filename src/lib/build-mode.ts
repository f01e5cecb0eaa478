/**
 * Whether this build is `npm run build -- --changed`: astro.config.mjs turns
 * on Astro's incremental build for it, and only then do pages work out their
 * cache keys (data/page-keys.ts), which a full build would compute for nothing.
 */
export const CHANGED_BUILD = process.argv.includes('--changed');

/** Whether the build writes `.gz` and `.br` copies of its text files (`PRECOMPRESS=1`, integrations/precompress.ts). */
export const PRECOMPRESSED_BUILD = process.env.PRECOMPRESS === '1';

/**
 * Vite's mode, where Vite compiled this module (the build's pages, `astro dev`, the tests); plain Node (the desk,
 * the scripts) has no such object, and reads neither flag as set. Each flag is read by name: Astro compiles a
 * module that reads the whole object with the values of the environment variables whose names its text contains
 * (`_`, which a shell sets to the command it starts, among them), and a `--changed` build renders every page
 * again when that code changes.
 */
export const VITE_MODE: { dev: boolean; prod: boolean } = (() => {
  try {
    return { dev: import.meta.env.DEV === true, prod: import.meta.env.PROD === true };
  } catch {
    return { dev: false, prod: false };
  }
})();
