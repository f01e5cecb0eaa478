/**
 * `npm run verify -- <dist-folder | https://address/of/the/site/>`: crawls the
 * site from its home page and reports every broken link, missing file or
 * `#anchor` and every address outside the site's path. Given an address, it
 * also checks what the server sends: the security headers (framing only for
 * the embed pages), a UTF-8 charset on every text file, and the 404 page.
 *
 * For a folder the base path is SITE_URL's (as for the build), or `--base /yshj/`.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { crawlSite, type CrawlProblem } from '../src/lib/site-crawl.ts';
import { parseSiteAddress, routes, withBase } from '../src/lib/routes.ts';
import { folderLoader, httpLoader } from './deploy/site-loaders.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { base: { type: 'string' } } });
const target = positionals[0];
if (!target) {
  console.error(
    '用法：npm run verify -- <dist 目录 | 网站地址>，例如 npm run verify -- dist 或 npm run verify -- https://www.example.gov.cn/yshj/',
  );
  process.exit(2);
}

const isAddress = /^https?:\/\//.test(target);
const base = isAddress
  ? parseSiteAddress(target).base
  : values.base
    ? parseSiteAddress(`http://x${values.base}`).base
    : parseSiteAddress(process.env.SITE_URL).base;
if (!isAddress && !existsSync(resolve(target))) {
  console.error(`找不到目录 ${target}。请先运行 npm run build，或给出网站地址。`);
  process.exit(2);
}
const load = isAddress ? httpLoader(new URL(target).origin) : folderLoader(resolve(target), base);

const report = await crawlSite({
  base,
  seeds: [routes.home(), routes.notFound(), routes.searchIndexFile('meta.json')].map((path) => withBase(path, base)),
  load,
  checkHeaders: isAddress,
});
const problems: CrawlProblem[] = [...report.problems];
if (isAddress) {
  const missing = withBase('/verify-missing-page-check/', base);
  const notFound = await load(missing);
  if (notFound.status !== 404 || !(notFound.headers['content-type'] ?? '').startsWith('text/html')) {
    problems.push({
      from: missing,
      url: missing,
      problem: `不存在的地址应返回 404 页面，实为 HTTP ${notFound.status}（${notFound.headers['content-type'] ?? '无类型'}）`,
    });
  }
}

console.log(`检查 ${target}（网站路径 ${base}）：${report.pages} 个页面，共 ${report.files} 个地址${isAddress ? '，含响应头' : ''}。`);
for (const p of problems) console.log(`  ${p.from}  →  ${p.url}  ${p.problem}`);
if (problems.length > 0) {
  console.log(`共发现 ${problems.length} 处问题。`);
  process.exit(1);
}
console.log('未发现问题。');
