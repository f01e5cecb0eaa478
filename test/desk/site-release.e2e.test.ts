/**
 * The real build into a release folder (`npm run build` on the tiny test
 * site), served by Debian's nginx through the `current` symlink the way
 * docs/deploy.md sets it up: a swap changes what nginx serves at once, and
 * content the build rejects leaves it serving the old release.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { activateRelease, buildRelease, listReleases, releasesSettled } from '../../desk/site-release.ts';
import type { ContentIssue } from '../../src/lib/content/content-issue.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { filesUnder } from '../../src/loaders/file-tree.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { startNginx } from '../support/nginx.ts';

let releases: string;
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
beforeAll(async () => {
  releases = mkdtempSync(join(tmpdir(), 'desk-releases-'));
});
afterAll(async () => {
  await nginx?.stop();
  await releasesSettled(releases);
  rmSync(releases, { recursive: true, force: true });
});

const page = async (path: string) => {
  const response = await fetch(`${nginx!.origin}/current${path}`);
  return { status: response.status, text: await response.text() };
};

const tiny = readContentFiles(join(PROJECT_ROOT, 'test', 'input', 'tiny-site'));

test('npm run build into a release, served by nginx; a swap changes what nginx serves, a failed build does not', async () => {
  const built = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    content: tiny,
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

  // The same content published again: pages that did not change are left as built, and shared with the live release.
  const again = await buildRelease({ repoDir: PROJECT_ROOT, releasesDir: releases, content: tiny, siteUrl: 'https://example.org/' });
  expect(again, again.ok ? '' : again.output).toMatchObject({ ok: true });
  if (again.ok) {
    expect(again.output).toMatch(/\(cached\)/);
    const briefing = (id: string) => statSync(join(releases, id, 'briefings', 'test-briefing', 'index.html')).ino;
    expect(briefing(again.id)).toBe(briefing(realId));
  }

  const next = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    build: async ({ outDir }) => {
      rmSync(outDir, { recursive: true, force: true });
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

  // Content the build's check rejects: the problems come back for staff, with the paths they know, and nothing was
  // built, so the releases, the work folder and the cache stay as they were.
  const releaseFolders = () =>
    readdirSync(releases)
      .filter((name) => !name.startsWith('.'))
      .sort();
  const before = releaseFolders();
  // Every file the next build reuses, but the content's kept reads, which gain the rejected file's.
  const builtFiles = () =>
    [...filesUnder(join(releases, '.cache')), ...filesUnder(join(releases, '.work'))].filter((file) => !file.includes('content-reads'));
  const kept = builtFiles();
  const failed = await buildRelease({
    repoDir: PROJECT_ROOT,
    releasesDir: releases,
    content: [...tiny, { path: 'briefings/broken.mdx', text: '---\ntitle: 没有日期\n---\n正文' }],
  });
  expect(failed).toMatchObject({ ok: false, message: expect.stringContaining('内容检查发现问题') });
  const issues = (failed as { issues?: ContentIssue[] }).issues ?? [];
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.every((issue) => issue.file === 'content/briefings/broken.mdx')).toBe(true);
  expect(releaseFolders()).toEqual(before);
  expect(builtFiles()).toEqual(kept);
  expect((await page('/briefings/test-briefing/')).status).toBe(200);
  expect((await listReleases(releases)).find((release) => release.live)?.id).toBe(realId);
});
