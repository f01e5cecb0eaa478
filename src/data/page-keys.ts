/**
 * The cache keys pages return from getStaticPaths, for `npm run build --
 * --changed` (see lib/content/content-digests.ts for what a key covers). A
 * full build ignores them. Pages without a key are rendered on every build:
 * the listings and overviews, which read the whole site.
 */
import { contentDigests, pageKey } from '../lib/content/content-digests.ts';
import { loadSiteModel, oncePerContent } from '../loaders/content-files.ts';
import { renderedBodyDigests } from './document-body.ts';
import { sourceTexts } from './source-texts.ts';

const digests = oncePerContent(async () => {
  const bodies = await renderedBodyDigests();
  // Pages link to a document's extracted text only when there is one.
  return contentDigests(loadSiteModel(), (kind, id) => bodies.get(`${kind}/${id}`) ?? '', [...sourceTexts().keys()].sort());
});

/** The key of a page about `regions` (none for a page drawn only from its props), drawn from `drawnFrom`. */
export async function cacheKey(regions: readonly string[], ...drawnFrom: unknown[]): Promise<string> {
  return pageKey(await digests(), regions, ...drawnFrom);
}
