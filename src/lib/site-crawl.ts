/**
 * Crawls a built or deployed site from its home page: every link, stylesheet,
 * script (with the modules it imports), image and download must exist, every
 * `#anchor` must name an element of its page, and no address may leave the
 * site's base path. Given a server, the crawl also checks the headers each
 * response carries. Pure: the caller supplies how a path is loaded, from a
 * folder or over HTTP (scripts/verify.ts).
 */
import { EMBED_HEADERS, PAGE_HEADERS } from './hosting-headers.ts';
import { routes, withBase } from './routes.ts';

/** What loading one path gave. Header names are lower case. */
export interface LoadedResource {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The body, for HTML pages, stylesheets and scripts (what can refer to other files). */
  text?: string | undefined;
}

export type Loader = (path: string) => Promise<LoadedResource>;

export interface CrawlProblem {
  /** The page or file the reference was found in (or the response checked). */
  from: string;
  url: string;
  problem: string;
}

export interface CrawlReport {
  pages: number;
  files: number;
  problems: CrawlProblem[];
}

const decodeEntities = (text: string) =>
  text.replace(
    /&(?:amp|lt|gt|quot|#39|#x27);/g,
    (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" })[entity]!,
  );

/** Every address an HTML page refers to, in order. Canonical and other absolute links are the caller's to judge. */
export function htmlReferences(html: string): string[] {
  const references: string[] = [];
  for (const tag of html.matchAll(/<(a|link|script|img|source|iframe|form|use)\b([^>]*)>/gi)) {
    const attributes = tag[2]!;
    if (
      tag[1]!.toLowerCase() === 'link' &&
      /\srel="(?:canonical|alternate)"/.test(attributes) &&
      !/type="application\/atom\+xml"/.test(attributes)
    )
      continue;
    for (const attribute of attributes.matchAll(/\s(href|src|action)="([^"]*)"/g)) {
      references.push(decodeEntities(attribute[2]!));
    }
  }
  return references;
}

/** The modules a script imports and the files a stylesheet loads, as written. */
export function codeReferences(code: string, kind: 'script' | 'style'): string[] {
  if (kind === 'style')
    return [...code.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!).filter((url) => !url.startsWith('data:'));
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["']([^"']+\.js)["']/g)].map((m) => m[1]!);
}

/** Every id (and legacy `name`) a page's elements carry: the anchors a link may name. */
export function anchorsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\s(?:id|name)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)));
}

/**
 * Where a reference leads, as a path and fragment on the site, or undefined
 * for another origin, `mailto:`, `data:` and the like.
 */
export function resolveReference(from: string, url: string): { path: string; fragment: string | undefined } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined;
  const resolved = new URL(url, `http://site.invalid${from}`);
  const fragment = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
  return { path: decodeURIComponent(resolved.pathname), fragment };
}

const isHtml = (resource: LoadedResource) => (resource.headers['content-type'] ?? '').startsWith('text/html');

/** A text type without `charset=utf-8` is read in the browser's default encoding: GBK on many Chinese PCs. */
const NEEDS_CHARSET = /^(?:text\/|application\/(?:json|xml|atom\+xml|javascript))/;

/**
 * What is wrong with the headers of one response from a server: the
 * security headers of lib/hosting-headers.ts (framing allowed under
 * `<base>embed/` only), and a UTF-8 charset on every text type.
 */
export function headerProblems(path: string, base: string, resource: LoadedResource): string[] {
  const problems: string[] = [];
  const contentType = resource.headers['content-type'] ?? '';
  if (NEEDS_CHARSET.test(contentType) && !/charset=utf-8/i.test(contentType))
    problems.push(`Content-Type 缺少 charset=utf-8（实为“${contentType}”）`);
  if (resource.headers['x-content-type-options'] !== 'nosniff') problems.push('缺少 X-Content-Type-Options: nosniff');
  if (isHtml(resource)) {
    const expected = path.startsWith(withBase(routes.embeds(), base)) ? EMBED_HEADERS : PAGE_HEADERS;
    for (const name of ['Content-Security-Policy', 'X-Frame-Options', 'Referrer-Policy']) {
      const actual = resource.headers[name.toLowerCase()];
      const wanted = expected[name];
      if (actual !== wanted)
        problems.push(wanted === undefined ? `不应有 ${name}（实为“${actual}”）` : `${name} 应为“${wanted}”，实为“${actual ?? '（无）'}”`);
    }
  }
  return problems;
}

/**
 * Crawls from `seeds` (paths under `base`). Every page is loaded once; a
 * page's anchors are kept for the links that name them, and a file that only
 * needs to exist is loaded once too.
 */
export async function crawlSite(input: {
  base: string;
  seeds: readonly string[];
  load: Loader;
  checkHeaders?: boolean;
}): Promise<CrawlReport> {
  const { base, load } = input;
  const problems: CrawlProblem[] = [];
  const loaded = new Map<string, Promise<LoadedResource>>();
  const anchors = new Map<string, Set<string>>();
  const visit = (path: string) => {
    let resource = loaded.get(path);
    if (!resource) {
      resource = load(path);
      loaded.set(path, resource);
    }
    return resource;
  };
  const wantedAnchors: { from: string; url: string; path: string; fragment: string }[] = [];
  let pages = 0;
  const queue: { path: string; from: string; url: string }[] = input.seeds.map((path) => ({ path, from: '（起点）', url: path }));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const batch = queue.splice(0, 16).filter((item) => !seen.has(item.path) && seen.add(item.path));
    const results = await Promise.all(batch.map(async (item) => ({ item, resource: await visit(item.path) })));
    for (const { item, resource } of results) {
      if (resource.status !== 200) {
        problems.push({ from: item.from, url: item.url, problem: `无法打开（HTTP ${resource.status}）` });
        continue;
      }
      if (input.checkHeaders)
        for (const problem of headerProblems(item.path, base, resource)) problems.push({ from: item.path, url: item.path, problem });
      if (resource.text === undefined) continue;
      const contentType = resource.headers['content-type'] ?? '';
      const references = isHtml(resource)
        ? htmlReferences(resource.text)
        : codeReferences(resource.text, contentType.startsWith('text/css') ? 'style' : 'script');
      if (isHtml(resource)) {
        pages += 1;
        anchors.set(item.path, anchorsOf(resource.text));
      }
      for (const url of references) {
        if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith(base)) {
          problems.push({ from: item.path, url, problem: `地址不在网站路径 ${base} 之下` });
          continue;
        }
        const target = resolveReference(item.path, url);
        if (!target) continue;
        if (target.fragment) wantedAnchors.push({ from: item.path, url, path: target.path, fragment: target.fragment });
        if (!seen.has(target.path)) queue.push({ path: target.path, from: item.path, url });
      }
    }
  }
  for (const wanted of wantedAnchors) {
    const ids = anchors.get(wanted.path);
    if (ids && !ids.has(wanted.fragment))
      problems.push({ from: wanted.from, url: wanted.url, problem: `页面中没有锚点 #${wanted.fragment}` });
  }
  return { pages, files: seen.size, problems };
}
