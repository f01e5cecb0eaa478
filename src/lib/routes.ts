/**
 * Every address the site writes. Page builders return *site paths*: the path
 * below the site's root, starting with `/` (`/policies/x/#s1`). `href()` turns
 * a site path into what a link on a page needs (the base path prefixed, for a
 * site served under `/yshj/`), and `absoluteUrl()` into the full address for
 * citations, the feed and the sitemap. The search index stores site paths, so
 * one index serves whatever base the pages were built for.
 *
 * Nothing else builds a root-absolute address by hand.
 */
import { taskListOfDataset } from '../schemas/dataset-paths.ts';

/** The public address of the site, split into origin and base path. */
export interface SiteAddress {
  /** `https://www.example.gov.cn`, or undefined when SITE_URL is not set. */
  origin: string | undefined;
  /** Base path with leading and trailing slash: `/` or `/yshj/`. */
  base: string;
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

/**
 * Parses SITE_URL (`https://www.example.gov.cn/yshj/`, trailing slash
 * optional). Without it the site is built for the root of whatever host
 * serves it, and absolute addresses are not available.
 */
export function parseSiteAddress(siteUrl: string | undefined): SiteAddress {
  if (!siteUrl) return { origin: undefined, base: '/' };
  const url = new URL(siteUrl);
  return { origin: url.origin, base: withTrailingSlash(url.pathname) };
}

/** A fragment (`#s1-2`) for an anchor, or nothing. */
function fragment(anchor: string | undefined): string {
  return anchor ? `#${anchor}` : '';
}

/** Page `page` (from 1) of a listing whose first page is `first` (ending in `/`). */
export function pagePath(first: string, page: number): string {
  return page <= 1 ? first : `${first}${page}/`;
}

/** The anchor of a dataset's entry in the data dictionary (`tables/targets` → `tables-targets`; all task lists share one). */
export function datasetAnchor(path: string): string {
  return taskListOfDataset(path) !== undefined ? 'tasks' : path.replace('/', '-');
}

export const routes = {
  home: () => '/',
  search: () => '/search/',
  policies: (page = 1, anchor?: string) => `${pagePath('/policies/', page)}${fragment(anchor)}`,
  policy: (id: string, anchor?: string) => `/policies/${id}/${fragment(anchor)}`,
  briefings: (page = 1) => pagePath('/briefings/', page),
  briefing: (id: string, anchor?: string) => `/briefings/${id}/${fragment(anchor)}`,
  indicators: () => '/indicators/',
  indicator: (id: string, anchor?: string) => `/indicators/${id}/${fragment(anchor)}`,
  indicatorInRegion: (id: string, region: string, anchor?: string) => `/indicators/${id}/${region}/${fragment(anchor)}`,
  regions: () => '/regions/',
  region: (id: string, anchor?: string) => `/regions/${id}/${fragment(anchor)}`,
  taskLists: (page = 1) => pagePath('/tasks/', page),
  /** Page `page` of one task list; rows are anchored `r<number>`. */
  taskList: (list: string, page = 1, anchor?: string) => `${pagePath(`/tasks/${list}/`, page)}${fragment(anchor)}`,
  statistics: (anchor?: string) => `/statistics/${fragment(anchor)}`,
  /** Page `page` of the statistics dashboard: later pages below /statistics/page/, apart from the regions' pages. */
  statisticsPage: (page: number) => (page <= 1 ? '/statistics/' : `/statistics/page/${page}/`),
  regionStatistics: (region: string, anchor?: string) => `/statistics/${region}/${fragment(anchor)}`,
  tracker: (id: string, anchor?: string) => `/trackers/${id}/${fragment(anchor)}`,
  trackerInRegion: (id: string, region: string, anchor?: string) => `/trackers/${id}/${region}/${fragment(anchor)}`,
  chart: (id: string) => `/charts/${id}/`,
  /** Every embed page lives below this path: the only pages other sites may frame. */
  embeds: () => '/embed/',
  /** A chart alone, for an iframe in another site's article. */
  embed: (id: string) => `/embed/${id}/`,
  about: () => '/about/',
  chartCsv: (id: string) => `/data/charts/${id}.csv`,
  data: (anchor?: string) => `/data/${fragment(anchor)}`,
  /** A dataset's entry in the data dictionary on the downloads page. */
  dataset: (path: string) => `/data/#${datasetAnchor(path)}`,
  /** A dataset download; `path` is the dataset's registry path (`tables/targets`, `tasks/<list>`). */
  datasetFile: (path: string, format: 'csv' | 'json') => `/data/${path}.${format}`,
  sourceText: (id: string) => `/sources/${id}.txt`,
  methodology: (anchor?: string) => `/methodology/${fragment(anchor)}`,
  provenance: () => '/provenance/',
  feed: () => '/feed.xml',
  sitemap: () => '/sitemap.xml',
  searchIndexFile: (file: string) => `/search-index/${file}`,
  /** The folder of the scripts and stylesheets the build names by a hash of their content. */
  hashedAssets: () => '/_astro/',
  favicon: () => '/favicon.svg',
  displaySettingsScript: () => '/display-settings.js',
  notFound: () => '/404.html',
} as const;

/** The site path of the page a built file serves, from Astro's `pathname` (`policies/x/`). */
export function sitePathOfPage(pathname: string): string {
  return `/${pathname.replace(/^\/+/, '')}`;
}

/** The site path of an address on a page built for `base`: `/yshj/policies/` → `/policies/`. */
export function sitePathOf(pathname: string, base: string = SITE_ADDRESS.base): string {
  const prefix = base.replace(/\/$/, '');
  return pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length) : pathname;
}

/**
 * Document bodies are rendered once, with the site paths their authors wrote
 * (`[清单](/tasks/x/)`); a page built for `base` gets them with the base path.
 */
export function withBaseInHtml(html: string, base: string): string {
  if (base === '/') return html;
  return html.replace(/(<(?:a|img|link|script|source)\b[^>]*?\s(?:href|src)=")\/(?!\/)/g, `$1${base}`);
}

/** A site path as a link on a page built for `base`: `/policies/` → `/yshj/policies/`. */
export function withBase(sitePath: string, base: string): string {
  if (!sitePath.startsWith('/')) throw new Error(`not a site path: ${sitePath}`);
  return `${base.replace(/\/$/, '')}${sitePath}`;
}

/** The full address of a site path, or undefined when the site's origin is not known. */
export function absoluteUrlOf(sitePath: string, address: SiteAddress): string | undefined {
  return address.origin ? `${address.origin}${withBase(sitePath, address.base)}` : undefined;
}

/**
 * The address the site is built for: SITE_URL wherever the build runs
 * (config, integrations, pages); in browser code, where there is no
 * environment, the base path Vite compiled in (the origin is the page's own).
 */
export const SITE_ADDRESS: SiteAddress =
  typeof process === 'undefined'
    ? // By name, not the whole object: see VITE_MODE in build-mode.ts.
      { origin: undefined, base: withTrailingSlash(import.meta.env.BASE_URL) }
    : parseSiteAddress(process.env.SITE_URL);

/** A site path as a link on this build's pages. */
export function href(sitePath: string): string {
  return withBase(sitePath, SITE_ADDRESS.base);
}

/** The full address of a site path for this build, or undefined without SITE_URL. */
export function absoluteUrl(sitePath: string): string | undefined {
  return absoluteUrlOf(sitePath, SITE_ADDRESS);
}
