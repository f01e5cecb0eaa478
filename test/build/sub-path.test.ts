/**
 * The same content built for https://example.org/yshj/, as a portal hosts it:
 * every address the pages write stays under /yshj/, every link, file and
 * anchor resolves, full addresses carry the path, and the precompressed
 * copies hold exactly the files' bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { expect, inject, test } from 'vitest';
import { builtPages, siteFiles } from '../support/site.ts';
import { SUB_PATH_SITE_URL } from '../support/astro-build.ts';
import { crawlSite } from '../../src/lib/site-crawl.ts';
import { isCompressible } from '../../src/lib/precompression.ts';
import { headersFile } from '../../src/lib/hosting-headers.ts';
import { htaccessFile } from '../../src/lib/hosting-config.ts';
import { parseSiteAddress, routes, withBase } from '../../src/lib/routes.ts';
import { folderLoader } from '../../scripts/deploy/site-loaders.ts';

const siteDir = inject('subPathSiteDir');
const { base } = parseSiteAddress(SUB_PATH_SITE_URL);
const pages = builtPages(siteDir);
const files = siteFiles(siteDir);

test('no page writes a root-absolute address outside /yshj/', () => {
  expect(pages.length).toBeGreaterThan(100);
  const outside: string[] = [];
  for (const page of pages) {
    for (const match of page.html.matchAll(/\s(?:href|src|action|srcset)="(\/[^"]*)"/g)) {
      if (!match[1]!.startsWith(base)) outside.push(`${page.url}: ${match[1]}`);
    }
  }
  expect(outside).toEqual([]);
  for (const file of files.filter((f) => f.endsWith('.css')))
    expect(readFileSync(join(siteDir, file), 'utf8'), file).not.toMatch(/url\(\s*["']?\/(?!yshj\/)/);
});

test('crawled from its home page, the site has no broken link, file or anchor, and every page is reachable', async () => {
  const report = await crawlSite({
    base,
    seeds: [routes.home(), routes.notFound(), routes.searchIndexFile('meta.json')].map((p) => withBase(p, base)),
    load: folderLoader(siteDir, base),
  });
  expect(report.problems).toEqual([]);
  expect(report.pages).toBe(pages.length);
});

test('canonical links, the feed and the sitemap give full addresses under the path', () => {
  const home = pages.find((p) => p.url === '/')!;
  expect(home.root.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(SUB_PATH_SITE_URL);
  const policy = pages.find((p) => p.url.startsWith('/policies/') && p.url !== '/policies/')!;
  expect(policy.root.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(`${SUB_PATH_SITE_URL}${policy.url.slice(1)}`);
  const feed = readFileSync(join(siteDir, 'feed.xml'), 'utf8');
  const feedLinks = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  expect(feedLinks.length).toBeGreaterThan(3);
  for (const link of feedLinks) expect(link.startsWith(SUB_PATH_SITE_URL), link).toBe(true);
  const sitemap = [...readFileSync(join(siteDir, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  expect(sitemap).toContain(`${SUB_PATH_SITE_URL}policies/`);
  for (const loc of sitemap) expect(loc.startsWith(SUB_PATH_SITE_URL), loc).toBe(true);
  expect(sitemap).toHaveLength(pages.length - 1);
});

test('the host files for the path: _headers rules and .htaccess name /yshj/', () => {
  expect(readFileSync(join(siteDir, '_headers'), 'utf8')).toBe(headersFile(base));
  expect(readFileSync(join(siteDir, '.htaccess'), 'utf8')).toBe(htaccessFile(base));
  expect(htaccessFile(base)).toContain('ErrorDocument 404 /yshj/404.html');
});

test('every page, stylesheet, script, download and index file has .gz and .br copies that unpack to its exact bytes', () => {
  const compressible = files.filter(isCompressible);
  expect(compressible.length).toBeGreaterThan(pages.length);
  for (const file of compressible) {
    const original = readFileSync(join(siteDir, file));
    expect(gunzipSync(readFileSync(join(siteDir, `${file}.gz`))).equals(original), file).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(siteDir, `${file}.br`))).equals(original), file).toBe(true);
  }
  expect(files.filter((f) => /\.(?:png|ico)\.gz$/.test(f))).toEqual([]);
});
