/**
 * Security of the built site: a strict Content-Security-Policy everywhere, no
 * inline script or style, no resource from another origin, and content
 * markup shown as text.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { builtPages } from '../support/site.ts';
import { astroBuild } from '../support/astro-build.ts';
import { MINIMAL } from '../support/fixtures.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site.ts';

const siteDir = inject('siteDir');
const pages = builtPages(siteDir);

test('every page carries the Content-Security-Policy, which allows no inline script', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  for (const page of pages) {
    const meta = page.root.querySelectorAll('meta').find((m) => m.getAttribute('http-equiv') === 'Content-Security-Policy');
    expect(meta?.getAttribute('content'), page.url).toBe(CONTENT_SECURITY_POLICY);
  }
  expect(readFileSync(join(siteDir, '_headers'), 'utf8')).toContain(
    `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  );
});

test('no page has inline scripts, inline styles or event attributes', () => {
  for (const page of pages) {
    for (const script of page.root.querySelectorAll('script')) {
      if (!script.getAttribute('src')) expect(script.getAttribute('type'), `${page.url} inline script`).toBe('application/json');
    }
    expect(page.root.querySelectorAll('style'), page.url).toHaveLength(0);
    expect(page.html, page.url).not.toMatch(/\sstyle="/);
    expect(page.html, page.url).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  }
});

test('every script, stylesheet, image and font comes from the site itself', () => {
  for (const page of pages) {
    for (const element of page.root.querySelectorAll('script, link, img, source, iframe')) {
      const url = element.getAttribute('src') ?? element.getAttribute('href');
      if ((url && element.tagName !== 'LINK') || (element.tagName === 'LINK' && element.getAttribute('rel') !== 'canonical')) {
        if (url) expect(url, `${page.url} ${element.tagName}`).toMatch(/^\/(?!\/)/);
      }
    }
  }
});

test('markup typed into CSV cells and frontmatter is shown as text, never run', () => {
  const work = mkdtempSync(join(tmpdir(), 'markup-content-'));
  try {
    const contentDir = join(work, 'content');
    cpSync(MINIMAL, contentDir, { recursive: true });
    const tasks = join(contentDir, 'tasks', 'test-list.csv');
    writeFileSync(tasks, readFileSync(tasks, 'utf8').replace('推行企业开办全程网办。', '<img src=x onerror=alert(1)>推行网办。'));
    const policy = join(contentDir, 'policies', 'test-policy.mdx');
    writeFileSync(policy, readFileSync(policy, 'utf8').replace('title: 测试行动方案', 'title: "<script>alert(2)</script>测试行动方案"'));
    const outDir = join(work, 'dist');
    const result = astroBuild({ contentDir, outDir });
    expect(result.status, result.output).toBe(0);
    const built = builtPages(outDir);
    const taskPage = built.find((p) => p.url === '/tasks/test-list/')!;
    expect(taskPage.html).toContain('&lt;img src=x onerror=alert(1)&gt;推行网办。');
    const policyPage = built.find((p) => p.url === '/policies/test-policy/')!;
    expect(policyPage.root.querySelector('h1')!.textContent).toBe('<script>alert(2)</script>测试行动方案');
    for (const page of built) {
      expect(page.root.querySelectorAll('img'), page.url).toHaveLength(0);
      expect(
        page.root
          .querySelectorAll('script')
          .filter((s) => s.textContent.includes('alert(') && s.getAttribute('type') !== 'application/json'),
        page.url,
      ).toHaveLength(0);
    }
    expect(existsSync(join(outDir, 'search-index', 'meta.json'))).toBe(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
