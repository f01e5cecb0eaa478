/**
 * Serves a built site on 127.0.0.1 for browser tests, as a static host would,
 * sending the headers its `_headers` file asks for (lib/http-headers.ts reads
 * the rules the way Netlify- and Cloudflare-Pages-style hosts do).
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { CONTENT_TYPES, headersFor, parseHeadersFile } from '../../src/lib/http-headers.ts';

/** Types a host compresses. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.csv', '.txt', '.xml', '.svg']);

/**
 * Serves `root` as a site built for `base`: `<base>x/` is `x/index.html`, anything outside the base is not found.
 * Responses carry the headers the site's `_headers` file asks for, read as a host reads them.
 * `gzip`: compress text responses for browsers that accept it, as production hosts do (for page-speed benchmarks).
 */
export async function serveStatic(
  root: string,
  base = '/',
  options: { gzip?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const rules = existsSync(join(root, '_headers')) ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const server: Server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    for (const [name, value] of Object.entries(headersFor(requested, rules))) response.setHeader(name, value);
    const path = normalize(`/${requested.slice(base.length)}`).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!requested.startsWith(base) || !existsSync(file)) {
      response.writeHead(404, { 'Content-Type': CONTENT_TYPES['.html']! });
      response.end(existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    if (options.gzip && COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      response.end(gzipSync(readFileSync(file)));
      return;
    }
    response.writeHead(200, { 'Content-Type': type });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
