/**
 * The heading of a document section by its anchor, for source lines that
 * name the section rather than its address: `s1-2` → 一、…（二）…, as the
 * document's own headings read.
 */
import { documentBody } from './document-body.ts';
import { publishedBriefings, publishedPolicies } from './site-content.ts';
import { oncePerContent } from '../loaders/content-files.ts';

const headingsByDocument = oncePerContent(async () => {
  const documents = [...(await publishedPolicies()), ...(await publishedBriefings())];
  return new Map(documents.map((d) => [d.id, new Map(documentBody(d).headings.map((h) => [h.slug, h.text.trim().replace(/[：:]$/, '')]))]));
});

/** `(document, anchor) → heading text`; the anchor itself when the document has no such heading. */
export async function sectionTitles(): Promise<(document: string, anchor: string) => string> {
  const headings = await headingsByDocument();
  return (document, anchor) => headings.get(document)?.get(anchor) ?? anchor;
}
