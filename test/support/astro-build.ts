import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** The public address test builds pretend to have, so sitemap and absolute links are exercised. */
export const TEST_SITE_URL = 'https://example.org/';

/** The address of the second test build: the same content, hosted under a path of a portal, precompressed. */
export const SUB_PATH_SITE_URL = 'https://example.org/yshj/';

/** What the test runner adds to its environment: Vite would read its mode flags as the site's own. */
const TEST_RUNNER_KEYS = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * The test's environment as `npm run build` and `npm run dev` would have it: without NODE_ENV=test, Vite's mode
 * flags (MODE, DEV, PROD, SSR, BASE_URL) and the VITEST_* variables the test runner sets.
 */
export function environmentWithoutTestRunner(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !TEST_RUNNER_KEYS.has(key)));
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/**
 * Runs `astro build` exactly as `npm run build` does, with content and output
 * redirected; with `changed`, as `npm run build -- --changed`.
 */
export function astroBuild({
  contentDir,
  outDir,
  cacheDir = `${outDir}-cache`,
  siteUrl,
  precompress,
  changed,
  environment = {},
}: {
  contentDir?: string;
  outDir: string;
  cacheDir?: string;
  siteUrl?: string;
  precompress?: boolean;
  changed?: boolean;
  /** Variables set for this build on top of the test's own environment. */
  environment?: Record<string, string>;
}): BuildResult {
  const args = [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...(changed ? ['--changed'] : [])];
  const result = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...environmentWithoutTestRunner(),
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
      ...(siteUrl ? { SITE_URL: siteUrl } : {}),
      PRECOMPRESS: precompress ? '1' : '',
      OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...environment,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
