/**
 * Debian's nginx with the shipped deploy/nginx.conf, serving the sub-path
 * build (precompressed) at /yshj/: pages, headers equal to the pages' CSP,
 * framing only for the embed pages, precompressed responses, the 404 page,
 * cache lifetimes — and the whole site crawled over HTTP as `npm run verify`
 * does, headers included.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startNginx } from '../support/nginx.ts';
import { SUB_PATH_SITE_URL } from '../support/astro-build.ts';
import { crawlSite } from '../../src/lib/site-crawl.ts';
import { CACHE_CONTROL, EMBED_HEADERS, PAGE_HEADERS } from '../../src/lib/hosting-headers.ts';
import { parseSiteAddress, routes, withBase } from '../../src/lib/routes.ts';
import { httpLoader } from '../../scripts/deploy/site-loaders.ts';

const siteDir = inject('subPathSiteDir');
const { base } = parseSiteAddress(SUB_PATH_SITE_URL);
const hasEmbedPages = existsSync(join(siteDir, routes.embeds()));
/** Until the build has embed pages, a copy of the home page stands in for one, served where they go. */
const STAND_IN_EMBED = `${routes.embed('stand-in').slice(1)}index.html`;
let nginx: Awaited<ReturnType<typeof startNginx>>;

beforeAll(async () => {
  nginx = await startNginx(siteDir, base, hasEmbedPages ? {} : { [STAND_IN_EMBED]: readFileSync(join(siteDir, 'index.html')) });
});
afterAll(async () => {
  await nginx?.stop();
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request exactly as given: fetch() would add its own Accept-Encoding and unpack the body. */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(withBase(path, base), nginx.origin), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const lower = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(headers).map(([n, v]) => [n.toLowerCase(), v]));

test("pages are served under the path with the pages' CSP, nosniff and no framing, cached briefly", async () => {
  const home = await get(routes.home());
  expect(home.status).toBe(200);
  expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(home.body.toString('utf8')).toContain(`href="${withBase(routes.policies(), base)}"`);
  expect(home.headers).toMatchObject(lower(PAGE_HEADERS));
  expect(home.headers['cache-control']).toBe(CACHE_CONTROL.page);
  expect((await get(routes.policies())).status).toBe(200);
});

test('a page under embed/ may be framed by any site and carries no X-Frame-Options', async () => {
  const path = hasEmbedPages
    ? routes.embed(readdirSync(join(siteDir, routes.embeds())).find((name) => !name.includes('.'))!)
    : `/${STAND_IN_EMBED.replace(/index\.html$/, '')}`;
  const embed = await get(path);
  expect(embed.status).toBe(200);
  expect(embed.headers['content-security-policy']).toBe(EMBED_HEADERS['Content-Security-Policy']);
  expect(embed.headers['x-frame-options']).toBeUndefined();
  expect(embed.headers['x-content-type-options']).toBe('nosniff');
});

test('with Accept-Encoding: gzip the precompressed copy is sent as it is', async () => {
  const plain = readFileSync(join(siteDir, 'index.html'));
  const gz = readFileSync(join(siteDir, 'index.html.gz'));
  const response = await get(routes.home(), { 'Accept-Encoding': 'gzip' });
  expect(response.headers['content-encoding']).toBe('gzip');
  expect(response.headers.vary).toBe('Accept-Encoding');
  expect(response.body.equals(gz)).toBe(true);
  expect(gunzipSync(response.body).equals(plain)).toBe(true);
  const identity = await get(routes.home());
  expect(identity.headers['content-encoding']).toBeUndefined();
  expect(identity.body.equals(plain)).toBe(true);
});

test("an unknown address gets the site's 404 page with status 404 and the same headers", async () => {
  const missing = await get('/no-such-page/');
  expect(missing.status).toBe(404);
  expect(missing.body.equals(readFileSync(join(siteDir, '404.html')))).toBe(true);
  expect(missing.headers).toMatchObject(lower(PAGE_HEADERS));
});

test('hashed scripts and stylesheets are cached for a year; the search index briefly; text downloads say UTF-8', async () => {
  const asset = readdirSync(join(siteDir, '_astro')).find((f) => f.endsWith('.css'))!;
  expect((await get(`/_astro/${asset}`)).headers['cache-control']).toBe(CACHE_CONTROL.hashedAsset);
  expect((await get(routes.searchIndexFile('meta.json'))).headers['cache-control']).toBe(CACHE_CONTROL.page);
  const csv = await get(routes.datasetFile('tables/targets', 'csv'));
  expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  const source = readdirSync(join(siteDir, 'sources'))[0]!.replace(/\.txt.*$/, '');
  expect((await get(routes.sourceText(source))).headers['content-type']).toBe('text/plain; charset=utf-8');
  const folder = await get('/policies');
  expect(folder.status).toBe(301);
  expect(folder.headers.location).toBe(withBase(routes.policies(), base));
});

test('crawled over HTTP, as npm run verify does: every link, file and anchor resolves and every response has the right headers', async () => {
  const report = await crawlSite({
    base,
    seeds: [routes.home(), routes.searchIndexFile('meta.json')].map((p) => withBase(p, base)),
    load: httpLoader(nginx.origin),
    checkHeaders: true,
  });
  expect(report.problems).toEqual([]);
  expect(report.pages).toBeGreaterThan(100);
}, 60_000);
