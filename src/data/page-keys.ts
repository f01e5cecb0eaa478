/**
 * The cache keys pages return from getStaticPaths, for `npm run build --
 * --changed` (see lib/content/content-digests.ts for what a key covers). A
 * full build works out none. Pages without a key are rendered on every build:
 * the overviews, which read the whole site.
 */
import { citationDigests, citedDocuments, contentDigests, digestOf, pageKey } from '../lib/content/content-digests.ts';
import { loadSiteModel, oncePerContent } from '../loaders/content-files.ts';
import { resolve } from 'node:path';
import { CHANGED_BUILD } from '../lib/build-mode.ts';
import { keptTextDigest } from '../loaders/file-reads.ts';
import { renderedBodyDigests } from './document-body.ts';
import { sourceTexts } from './source-texts.ts';
import type { PlacedChart } from './charts.ts';

const digests = oncePerContent(async () => {
  const bodies = await renderedBodyDigests();
  // Pages link to a document's extracted text only when there is one.
  return contentDigests(
    loadSiteModel(),
    (kind, id) => bodies.get(`${kind}/${id}`) ?? '',
    [...sourceTexts().keys()].sort(),
    // Rows name their file as shown, relative to the working directory.
    (file) => keptTextDigest(resolve(file)),
  );
});

/** Digests of the objects pages are drawn from: a chart is the key of its page, its embed and its CSV. */
const partDigests = new WeakMap<object, string>();
function digestOfPart(part: unknown): unknown {
  // A function is read only when keys are worked out: what a full build need not read.
  if (typeof part === 'function') return digestOfPart(part());
  if (typeof part !== 'object' || part === null) return part;
  let digest = partDigests.get(part);
  if (digest === undefined) partDigests.set(part, (digest = digestOf(part)));
  return digest;
}

/**
 * The key of a page about `regions` (none for a page drawn only from its
 * props), drawn from `drawnFrom`; no key in a full build, which reads none.
 */
export async function cacheKey(regions: readonly string[], ...drawnFrom: unknown[]): Promise<string | undefined> {
  if (!CHANGED_BUILD) return undefined;
  return pageKey(await digests(), regions, ...drawnFrom.map(digestOfPart));
}

/**
 * A listing's pages, as `paginate` gave them, each keyed by everything listed
 * rather than its own page's items: the first page counts them all, and an
 * item added moves every later one to another page.
 */
export function keyedListing<P extends { props: { page: { currentPage: number } } }>(
  paths: readonly P[],
  ...drawnFrom: unknown[]
): Promise<(P & { cacheKey: string | undefined })[]> {
  return Promise.all(paths.map(async (path) => ({ ...path, cacheKey: await cacheKey([], ...drawnFrom, path.props.page.currentPage) })));
}

const citations = oncePerContent(async () => {
  const bodies = await renderedBodyDigests();
  return citationDigests(loadSiteModel(), (kind, id) => bodies.get(`${kind}/${id}`) ?? '');
});

/**
 * The key of a dataset's download: what it is drawn from (its description
 * and source text, which it copies cell by cell), and the title and section
 * headings of each document its rows cite, which it prints beside their ids.
 * Not the digests of the rows' regions: the province-wide tables have rows in
 * every region, and would be made again for any edit anywhere.
 */
export async function datasetKey(rows: readonly object[], ...drawnFrom: unknown[]): Promise<string | undefined> {
  if (!CHANGED_BUILD) return undefined;
  const cited = await citations();
  return cacheKey(
    [],
    ...drawnFrom,
    citedDocuments(rows).map((id) => [id, cited.get(id) ?? '']),
  );
}

/**
 * The key of a chart's page, its embed and its CSV download: its spec, whose
 * digest the three share (serialising 10,000 specs once rather than twice
 * saves seconds at province scale), and where it is placed.
 */
export function chartKey({ spec, page, indicator, year }: PlacedChart): Promise<string | undefined> {
  return cacheKey([], spec, page, indicator, year);
}
