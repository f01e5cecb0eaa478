import { expect, test } from 'vitest';
import {
  anchorsOf,
  codeReferences,
  crawlSite,
  headerProblems,
  htmlReferences,
  resolveReference,
  type LoadedResource,
} from '../../src/lib/site-crawl.ts';
import { EMBED_HEADERS, PAGE_HEADERS } from '../../src/lib/hosting-headers.ts';

const html = (body: string, headers: Record<string, string> = {}): LoadedResource => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  text: `<!doctype html><html><body>${body}</body></html>`,
});
const file = (contentType: string, text?: string): LoadedResource => ({ status: 200, headers: { 'content-type': contentType }, text });

/** A loader over an in-memory site; anything else is a 404. */
const siteOf = (files: Record<string, LoadedResource>) => async (path: string) => files[path] ?? { status: 404, headers: {} };

test('a whole site whose links, files and anchors all exist has no problems', async () => {
  const report = await crawlSite({
    base: '/yshj/',
    seeds: ['/yshj/'],
    load: siteOf({
      '/yshj/': html(
        '<a id="top"></a><link rel="stylesheet" href="/yshj/_astro/a.css"><script type="module" src="/yshj/_astro/p.js"></script><a href="policies/x/#s1">一</a><a href="/yshj/data/t.csv" download>CSV</a><a href="https://www.gov.cn/">外部</a>',
      ),
      '/yshj/policies/x/': html('<h2 id="s1">一、</h2><a href="../../#top">首页</a>'),
      '/yshj/_astro/a.css': file('text/css; charset=utf-8', 'body{background:url(/yshj/_astro/bg.svg)}'),
      '/yshj/_astro/bg.svg': file('image/svg+xml'),
      '/yshj/_astro/p.js': file('text/javascript; charset=utf-8', 'import{a}from"./chunk.js";import("./lazy.js")'),
      '/yshj/_astro/chunk.js': file('text/javascript; charset=utf-8', ''),
      '/yshj/_astro/lazy.js': file('text/javascript; charset=utf-8', ''),
      '/yshj/data/t.csv': file('text/csv; charset=utf-8'),
    }),
  });
  expect(report.problems).toEqual([]);
  expect(report.pages).toBe(2);
  expect(report.files).toBe(8);
});

test('a missing page, a missing module, a missing anchor and an address outside the base path are each reported where they were found', async () => {
  const report = await crawlSite({
    base: '/yshj/',
    seeds: ['/yshj/'],
    load: siteOf({
      '/yshj/': html(
        '<a href="/yshj/gone/">x</a><a href="/policies/x/">根路径</a><a href="/yshj/p/#附件1">附件</a><script src="/yshj/m.js"></script>',
      ),
      '/yshj/p/': html('<h2 id="附件2">附件2</h2>'),
      '/yshj/m.js': file('text/javascript; charset=utf-8', 'import "./missing.js";'),
    }),
  });
  expect(report.problems).toEqual([
    { from: '/yshj/', url: '/policies/x/', problem: '地址不在网站路径 /yshj/ 之下' },
    { from: '/yshj/', url: '/yshj/gone/', problem: '无法打开（HTTP 404）' },
    { from: '/yshj/m.js', url: './missing.js', problem: '无法打开（HTTP 404）' },
    { from: '/yshj/', url: '/yshj/p/#附件1', problem: '页面中没有锚点 #附件1' },
  ]);
});

test('references: entities decoded, percent-encoded anchors decoded, other origins and data: left alone', () => {
  expect(
    htmlReferences(
      '<a href="/a/?x=1&amp;y=2">a</a><link rel="canonical" href="https://example.org/a/"><link rel="alternate" type="application/atom+xml" href="/feed.xml"><form action="/search/"></form>',
    ),
  ).toEqual(['/a/?x=1&y=2', '/feed.xml', '/search/']);
  expect(resolveReference('/yshj/p/', '#%E9%99%84%E4%BB%B61')).toEqual({ path: '/yshj/p/', fragment: '附件1' });
  expect(resolveReference('/yshj/p/', '../q/')).toEqual({ path: '/yshj/q/', fragment: undefined });
  expect(resolveReference('/yshj/p/', 'https://www.gov.cn/')).toBeUndefined();
  expect(resolveReference('/yshj/p/', 'mailto:a@b.cn')).toBeUndefined();
  expect(codeReferences('a{background:url("data:image/png;base64,xx")} b{background:url(/x.png)}', 'style')).toEqual(['/x.png']);
  expect([...anchorsOf('<h2 id="s1">x</h2><a name="old"></a><p id="a&amp;b"></p>')]).toEqual(['s1', 'old', 'a&b']);
});

test('headers: pages must forbid framing, embed pages must allow it, text types must say UTF-8', () => {
  const headers = (values: Readonly<Record<string, string>>, contentType = 'text/html; charset=utf-8') => ({
    status: 200,
    headers: { 'content-type': contentType, ...Object.fromEntries(Object.entries(values).map(([n, v]) => [n.toLowerCase(), v])) },
  });
  expect(headerProblems('/yshj/policies/', '/yshj/', headers(PAGE_HEADERS))).toEqual([]);
  expect(headerProblems('/yshj/embed/x/', '/yshj/', headers(EMBED_HEADERS))).toEqual([]);
  expect(headerProblems('/yshj/policies/', '/yshj/', headers(EMBED_HEADERS))).toEqual([
    `Content-Security-Policy 应为“${PAGE_HEADERS['Content-Security-Policy']}”，实为“${EMBED_HEADERS['Content-Security-Policy']}”`,
    'X-Frame-Options 应为“DENY”，实为“（无）”',
  ]);
  expect(headerProblems('/yshj/embed/x/', '/yshj/', headers(PAGE_HEADERS))).toContain('不应有 X-Frame-Options（实为“DENY”）');
  expect(headerProblems('/yshj/sources/a.txt', '/yshj/', headers({ 'X-Content-Type-Options': 'nosniff' }, 'text/plain'))).toEqual([
    'Content-Type 缺少 charset=utf-8（实为“text/plain”）',
  ]);
  expect(headerProblems('/yshj/a.png', '/yshj/', headers({}, 'image/png'))).toEqual(['缺少 X-Content-Type-Options: nosniff']);
});
