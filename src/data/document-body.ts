/**
 * A document's rendered body: its HTML and the headings its table of contents
 * lists, as loaders/document-loader.ts rendered them. Everything else about a
 * document (its fields, its anchors) pages read from the validated model
 * (data/site-content.ts); the policies and briefings collections hold only
 * the bodies. Links the author wrote as site paths get this build's base path.
 */
import { readFileSync } from 'node:fs';
import { getCollection, getEntry } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { SITE_ADDRESS, withBaseInHtml } from '../lib/routes.ts';
import { oncePerContent } from '../loaders/content-files.ts';

export interface DocumentBody {
  html: string;
  headings: MarkdownHeading[];
}

export async function documentBody(kind: 'policies' | 'briefings', id: string): Promise<DocumentBody> {
  const metadata = (await getEntry(kind, id))?.rendered?.metadata;
  if (typeof metadata?.htmlFile !== 'string') throw new Error(`${kind}/${id}: rendered HTML missing; run the build again`);
  return {
    html: withBaseInHtml(readFileSync(metadata.htmlFile, 'utf8'), SITE_ADDRESS.base),
    headings: (metadata.headings as MarkdownHeading[] | undefined) ?? [],
  };
}

/**
 * A digest of every document's rendered body, by `<kind>/<id>`: part of the
 * cache keys of `npm run build -- --changed` (data/page-keys.ts). The HTML is
 * hashed rather than the source, so a change to the Markdown pipeline counts
 * too; the loader took the digest as it rendered the document.
 */
export const renderedBodyDigests = oncePerContent(async (): Promise<Map<string, string>> => {
  const digests = new Map<string, string>();
  for (const kind of ['policies', 'briefings'] as const)
    for (const entry of await getCollection(kind)) {
      const digest = entry.rendered?.metadata?.htmlDigest;
      digests.set(`${kind}/${entry.id}`, typeof digest === 'string' ? digest : '');
    }
  return digests;
});
