/**
 * Whether this build is `npm run build -- --changed`: astro.config.mjs turns
 * on Astro's incremental build for it, and only then do pages work out their
 * cache keys (data/page-keys.ts), which a full build would compute for nothing.
 */
export const CHANGED_BUILD = process.argv.includes('--changed');

/** Whether the build writes `.gz` and `.br` copies of its text files (`PRECOMPRESS=1`, integrations/precompress.ts). */
export const PRECOMPRESSED_BUILD = process.env.PRECOMPRESS === '1';
