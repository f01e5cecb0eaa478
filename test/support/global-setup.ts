/**
 * Builds the real site once for the root of a host, and once more under a
 * sub-path with precompressed copies (as a portal would host it); every test
 * reads the same two outputs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, SUB_PATH_SITE_URL, TEST_SITE_URL } from './astro-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    /** The same content built for SUB_PATH_SITE_URL with PRECOMPRESS=1. */
    subPathSiteDir: string;
  }
}

export default function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'site-build-'));
  const subPathDir = mkdtempSync(join(tmpdir(), 'site-build-yshj-'));
  const cleanUp = () => {
    for (const dir of [outDir, subPathDir]) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-cache`, { recursive: true, force: true });
    }
  };
  for (const build of [{ outDir, siteUrl: TEST_SITE_URL }, { outDir: subPathDir, siteUrl: SUB_PATH_SITE_URL, precompress: true }]) {
    const result = astroBuild(build);
    if (result.status !== 0) {
      cleanUp();
      throw new Error(`The site did not build for ${build.siteUrl}:\n${result.output}`);
    }
  }
  project.provide('siteDir', outDir);
  project.provide('subPathSiteDir', subPathDir);
  return cleanUp;
}
