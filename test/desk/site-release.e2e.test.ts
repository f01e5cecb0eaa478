/**
 * The real build into a release folder (`npm run build` on the tiny test
 * site), served by Debian's nginx through the `current` symlink the way
 * docs/deploy.md sets it up: a swap changes what nginx serves at once, and a
 * failed build leaves it serving the old release.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activateRelease, buildRelease, listReleases } from '../../desk/site-release.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { startNginx } from '../support/nginx.ts';

let releases: string;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
beforeAll(async () => {
  releases = mkdtempSync(join(tmpdir(), 'desk-releases-'));
});
afterAll(async () => {
  await nginx?.stop();
  rmSync(releases, { recursive: true, force: true });
});

const page = async (path: string) => {
  const response = await fetch(`${nginx!.origin}/current${path}`);
  return { status: response.status, text: await response.text() };
};

test('npm run build into a release, served by nginx; a swap changes what nginx serves, a failed build does not', async () => {
  const built = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    contentDir: join(PROJECT_ROOT, 'test', 'input', 'tiny-site'),
    siteUrl: 'https://example.org/',
  });
  expect(built, built.ok ? '' : built.output).toMatchObject({ ok: true });
  const realId = (built as { id: string }).id;
  await activateRelease(releases, realId);
  // nginx's root holds `current`, a link to the releases' own `current` link, as on the server.
  nginx = await startNginx(releases, '/');
  const home = await page('/');
  expect(home.status).toBe(200);
  expect(home.text).toContain('<html');
  expect((await page('/briefings/test-briefing/')).status).toBe(200);

  const next = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    build: async ({ outDir }) => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<p>新版本</p>');
      return { ok: true, output: '' };
    },
  });
  await activateRelease(releases, (next as { id: string }).id);
  expect((await page('/')).text).toBe('<p>新版本</p>');
  expect((await page('/briefings/test-briefing/')).status).toBe(404);

  await activateRelease(releases, realId);
  expect((await page('/briefings/test-briefing/')).status).toBe(200);

  const before = readdirSync(releases).sort();
  const failed = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    contentDir: join(PROJECT_ROOT, 'test', 'input', 'missing-content'),
  });
  expect(failed).toMatchObject({ ok: false });
  expect(readdirSync(releases).sort()).toEqual(before);
  expect((await page('/briefings/test-briefing/')).status).toBe(200);
  expect((await listReleases(releases)).find((release) => release.live)?.id).toBe(realId);
});
