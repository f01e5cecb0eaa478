import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { htaccessFile, nginxServerBlock } from '../../src/lib/hosting-config.ts';
import { EMBED_HEADERS, headersFile, PAGE_HEADERS } from '../../src/lib/hosting-headers.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/site.ts';

test('deploy/nginx.conf is the configuration generated from the headers the pages carry (npm run deploy:config)', () => {
  expect(readFileSync(join(import.meta.dirname, '..', '..', 'deploy', 'nginx.conf'), 'utf8')).toBe(nginxServerBlock());
});

test("the headers repeat the pages' CSP and forbid framing, except on the embed pages", () => {
  expect(PAGE_HEADERS['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(PAGE_HEADERS['X-Frame-Options']).toBe('DENY');
  expect(EMBED_HEADERS['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors *`);
  expect(EMBED_HEADERS).not.toHaveProperty('X-Frame-Options');
  const nginx = nginxServerBlock();
  const embed = nginx.slice(nginx.indexOf('location ~ /embed/'), nginx.indexOf('}', nginx.indexOf('location ~ /embed/')));
  expect(embed).toContain('frame-ancestors *');
  expect(embed).not.toContain('X-Frame-Options');
  expect(nginx.match(/add_header X-Frame-Options "DENY" always;/g)).toHaveLength(3);
});

test('_headers and .htaccess rules are written for the base path the site is built for', () => {
  expect(headersFile('/yshj/')).toMatch(/^\/yshj\/\*\n/);
  expect(headersFile('/yshj/')).toContain('/yshj/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
  expect(headersFile('/')).toMatch(/^\/\*\n/);
  expect(htaccessFile('/')).toContain('ErrorDocument 404 /404.html');
  expect(htaccessFile('/yshj/')).toContain('<If "%{REQUEST_URI} =~ m#^/yshj/embed/#">');
});
