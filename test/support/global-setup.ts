/** Builds the real site once; every build test reads the same output. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, TEST_SITE_URL } from './astro-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'site-build-'));
  const result = astroBuild({ outDir, siteUrl: TEST_SITE_URL });
  if (result.status !== 0) throw new Error(`The site did not build:\n${result.output}`);
  project.provide('siteDir', outDir);
  return () => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
  };
}
