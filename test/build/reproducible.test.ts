/** Building the same commit twice gives byte-identical output. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { astroBuild, TEST_SITE_URL } from '../support/astro-build.ts';
import { siteFiles } from '../support/site.ts';

test('a second build of the same content is byte-identical to the first', () => {
  const first = inject('siteDir');
  const outDir = mkdtempSync(join(tmpdir(), 'site-rebuild-'));
  try {
    const result = astroBuild({ outDir, siteUrl: TEST_SITE_URL });
    expect(result.status, result.output).toBe(0);
    const files = siteFiles(first).sort();
    expect(siteFiles(outDir).sort()).toEqual(files);
    const different = files.filter((file) => !readFileSync(join(first, file)).equals(readFileSync(join(outDir, file))));
    expect(different).toEqual([]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
  }
});
