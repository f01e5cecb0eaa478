/**
 * The desk's preview: a real `astro dev` on the tiny test site, a draft
 * briefing synced into it and fetched through the desk's proxy (handle), with
 * the 草稿 banner and the import's review list; an edit shows after sync; a
 * draft that fails the content check does not break the other previews; and
 * stop leaves no process behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../desk/preview-server.ts';
import type { DraftChange } from '../../src/lib/desk/draft-changes.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

let work: string;
let preview: PreviewServer;

function briefing(title: string, issue = 2): DraftChange {
  return {
    kind: 'file',
    path: 'briefings/desk-draft.mdx',
    text: [
      '---',
      `title: ${title}`,
      'series: 测试简报',
      'region: qingshanhu',
      `issue: ${issue}`,
      'date: 2023-09-04',
      'issuer: 测试办公室',
      'draft: true',
      'review:',
      '  recognised:',
      '    - 期号：第2期',
      '  toCheck:',
      '    - 第3段的数字没有找到已完成数',
      '---',
      '',
      '## 【领导小组办公室】',
      '',
      '本期草稿正文。',
      '',
    ].join('\n'),
  };
}

const page = async (path: string) => {
  const response = await preview.handle(new Request(`http://desk.test${path}`, { headers: { cookie: 'desk-session=secret' } }));
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'desk-preview-'));
  preview = await startPreviewServer({
    repoDir: PROJECT_ROOT,
    workDir: work,
    contentDir: join(PROJECT_ROOT, 'test', 'input', 'tiny-site'),
  });
});

afterAll(async () => {
  await preview?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('a synced draft briefing is served through the desk with the 草稿 banner, its review list and its title', async () => {
  const path = preview.pathOf({ id: 'desk-draft', kind: 'briefing' });
  expect(path).toBe('/preview/briefings/desk-draft/');
  expect((await page(path)).status).toBe(404);

  await preview.sync([{ id: 'd1', changes: [briefing('测试简报 第2期（草稿）')] }]);
  const shown = await page(path);
  expect(shown.status).toBe(200);
  expect(shown.type).toContain('text/html');
  expect(shown.text).toContain('测试简报 第2期（草稿）');
  expect(shown.text).toContain('class="draft-banner"');
  expect(shown.text).toContain('这是草稿预览，审核通过后才会发布到网站');
  expect(shown.text).toContain('第3段的数字没有找到已完成数');
  // Every link and asset of the page stays under the desk's /preview/ proxy.
  const addresses = [...shown.text.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1]!);
  expect(addresses.length).toBeGreaterThan(5);
  expect(addresses.filter((address) => !address.startsWith('/preview/'))).toEqual([]);
  // The site's stylesheet, served by the dev server, comes through the desk too.
  const stylesheet = addresses.find((address) => /site\.css$/.test(address))!;
  const css = await preview.handle(new Request(`http://desk.test${stylesheet}`, { headers: { accept: 'text/css,*/*;q=0.1' } }));
  expect(css.status).toBe(200);
  expect(css.headers.get('content-type')).toContain('text/css');
  expect(await css.text()).toContain('box-sizing');

  // An edit of one frontmatter field shows once sync has resolved.
  await preview.sync([{ id: 'd1', changes: [briefing('测试简报 第2期（修改后）')] }]);
  expect((await page(path)).text).toContain('测试简报 第2期（修改后）');
});

test('a draft that fails the content check is left out, and the other drafts still preview', async () => {
  const duplicateIssue: DraftChange = { ...briefing('重复期号', 1), path: 'briefings/duplicate-issue.mdx' };
  await preview.sync([
    { id: 'bad', changes: [duplicateIssue] },
    { id: 'd1', changes: [briefing('测试简报 第2期（与坏草稿同时）')] },
  ]);
  expect((await page('/preview/briefings/desk-draft/')).text).toContain('测试简报 第2期（与坏草稿同时）');
  expect((await page('/preview/briefings/duplicate-issue/')).status).toBe(404);
  expect((await page('/preview/briefings/test-briefing/')).status).toBe(200);
});

test('only /preview/ is proxied, and only to read', async () => {
  expect((await page('/login')).status).toBe(404);
  const post = await preview.handle(new Request('http://desk.test/preview/', { method: 'POST', body: 'x' }));
  expect(post.status).toBe(404);
});

/** Processes started for this preview: the dev server and its helpers inherit its CONTENT_DIR. */
function previewProcesses(): string[] {
  const marker = `CONTENT_DIR=${join(work, 'content')}\0`;
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    });
}

test('stop leaves no process behind', async () => {
  expect(previewProcesses().length).toBeGreaterThan(0);
  await preview.stop();
  expect(previewProcesses()).toEqual([]);
});
