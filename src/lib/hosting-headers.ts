/**
 * The HTTP headers a host sends with the site, in one place: `_headers` (hosts
 * such as Netlify and Cloudflare Pages), deploy/nginx.conf and the `.htaccess`
 * written into the build (hosting-config.ts) carry exactly these, and tests compare them. Every page's meta tag holds the
 * same Content-Security-Policy; the headers add what a meta tag cannot carry.
 */
import { CONTENT_SECURITY_POLICY } from './site.ts';
import { routes, withBase } from './routes.ts';

/** Every response except the embed pages: no framing at all. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};

/** Pages under routes.embeds(), made to be framed by news sites: any ancestor, no X-Frame-Options. */
export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors *`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * Cache lifetimes. Files under `_astro/` carry a hash of their content in the
 * name and never change; pages and the search index keep their addresses from
 * build to build (the index files are not content-hashed), so a browser
 * checks them again after a few minutes.
 */
export const CACHE_CONTROL = {
  hashedAsset: 'public, max-age=31536000, immutable',
  page: 'public, max-age=300',
} as const;

/** `_headers` for a site built for `base`: rules are URL patterns, so they carry the base path. */
export function headersFile(base: string): string {
  const rule = (pattern: string, headers: Readonly<Record<string, string>>) => [
    pattern,
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ];
  return [
    ...rule(`${base}*`, { ...PAGE_HEADERS, 'Cache-Control': CACHE_CONTROL.page }),
    ...rule(`${withBase(routes.hashedAssets(), base)}*`, { 'Cache-Control': CACHE_CONTROL.hashedAsset }),
    // Embed pages: `! Name` (Cloudflare Pages) drops what the first rule set, then the embed policy applies.
    `${withBase(routes.embeds(), base)}*`,
    ...Object.keys(PAGE_HEADERS)
      .filter((name) => EMBED_HEADERS[name] !== PAGE_HEADERS[name])
      .map((name) => `  ! ${name}`),
    ...rule('', Object.fromEntries(Object.entries(EMBED_HEADERS).filter(([name, value]) => PAGE_HEADERS[name] !== value))).slice(1),
  ].join('\n');
}
