/** How lib/site-crawl.ts reads a site: from a built folder, or from a server over HTTP. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { LoadedResource, Loader } from '../../src/lib/site-crawl.ts';
import { CONTENT_TYPES } from '../../src/lib/http-headers.ts';

const hasText = (contentType: string) => /^text\/(?:html|css|javascript)/.test(contentType);

/** A folder holding a site built for `base`: `<base>x/` is `x/index.html` in the folder. */
export function folderLoader(dir: string, base: string): Loader {
  return async (path): Promise<LoadedResource> => {
    if (!path.startsWith(base)) return { status: 404, headers: {} };
    let file = join(dir, normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, ''));
    if (existsSync(file) && statSync(file).isDirectory()) {
      // A server redirects `x` to `x/`; the site's own links always carry the slash.
      if (!path.endsWith('/')) return { status: 301, headers: {} };
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return { status: 404, headers: {} };
    const contentType = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    return { status: 200, headers: { 'content-type': contentType }, text: hasText(contentType) ? readFileSync(file, 'utf8') : undefined };
  };
}

/** A running server at `origin` (`https://www.example.gov.cn`). */
export function httpLoader(origin: string): Loader {
  return async (path): Promise<LoadedResource> => {
    const response = await fetch(new URL(path, origin), { redirect: 'manual' });
    const headers = Object.fromEntries([...response.headers].map(([name, value]) => [name.toLowerCase(), value]));
    const text = hasText(headers['content-type'] ?? '') ? await response.text() : undefined;
    if (text === undefined) await response.body?.cancel();
    return { status: response.status, headers, text };
  };
}
