import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** The public address test builds pretend to have, so sitemap and absolute links are exercised. */
export const TEST_SITE_URL = 'https://example.org/';

/** The address of the second test build: the same content, hosted under a path of a portal, precompressed. */
export const SUB_PATH_SITE_URL = 'https://example.org/yshj/';

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
  // Vitest writes Vite's mode flags into the test's environment; the build makes its own, as under `npm run build`.
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...testEnvironment } = process.env;
  const result = spawnSync(process.execPath, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: {
      ...testEnvironment,
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
