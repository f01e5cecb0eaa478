/**
 * Builds the real site once for the root of a host, and once more under a
 * sub-path with precompressed copies (as a portal would host it); every test
 * reads the same two outputs. A third, small build is of the twelve-briefing
 * fixture, for the statistics pages over a year of figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, SUB_PATH_SITE_URL, TEST_SITE_URL } from './astro-build.ts';
import { TWELVE_BRIEFINGS } from './twelve-briefings.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    /** The same content built for SUB_PATH_SITE_URL with PRECOMPRESS=1. */
    subPathSiteDir: string;
    /** test/fixtures/twelve-briefings built for TEST_SITE_URL: one region's figures over a year. */
    twelveBriefingsSiteDir: string;
  }
}

export default function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'site-build-'));
  const subPathDir = mkdtempSync(join(tmpdir(), 'site-build-yshj-'));
  const twelveDir = mkdtempSync(join(tmpdir(), 'site-build-twelve-'));
  const cleanUp = () => {
    for (const dir of [outDir, subPathDir, twelveDir]) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}-cache`, { recursive: true, force: true });
    }
  };
  const builds = [
    { outDir, siteUrl: TEST_SITE_URL },
    { outDir: subPathDir, siteUrl: SUB_PATH_SITE_URL, precompress: true },
    { outDir: twelveDir, siteUrl: TEST_SITE_URL, contentDir: TWELVE_BRIEFINGS },
  ];
  for (const build of builds) {
    const result = astroBuild(build);
    if (result.status !== 0) {
      cleanUp();
      throw new Error(
        `The site did not build for ${build.siteUrl}${build.contentDir ? ` from ${build.contentDir}` : ''}:\n${result.output}`,
      );
    }
  }
  project.provide('siteDir', outDir);
  project.provide('subPathSiteDir', subPathDir);
  project.provide('twelveBriefingsSiteDir', twelveDir);
  return cleanUp;
}
