/**
 * The heading of a document section by its anchor, for source lines and
 * downloads that name the section rather than only its address: `s1-2` →
 * （二）…, as the document's own heading reads. A row may cite a section by
 * its former Chinese anchor, which names the same heading.
 */
import { loadSiteModel, oncePerContent } from '../loaders/content-files.ts';
import type { LocatedDocument } from '../lib/content/content-model.ts';

type Heading = LocatedDocument<unknown>['headings'][number];
export type DocumentKind = 'policies' | 'briefings';

const headingsByDocument = oncePerContent(() => {
  const model = loadSiteModel();
  const index = (documents: readonly LocatedDocument<unknown>[]) =>
    new Map(
      documents.map((d) => {
        const byAnchor = new Map<string, Heading>();
        for (const h of d.headings) {
          byAnchor.set(h.anchor, h);
          if (h.alias) byAnchor.set(h.alias, h);
        }
        return [d.id, byAnchor] as const;
      }),
    );
  return { policies: index(model.policies), briefings: index(model.briefings) };
});

/** The heading a section anchor of a document names, by today's anchor or its former one. */
export function sectionHeading(kind: DocumentKind, document: string, anchor: string): Heading | undefined {
  return headingsByDocument()[kind].get(document)?.get(anchor);
}

/** `(document, anchor) → heading text`; the anchor itself when the document has no such heading. */
export async function sectionTitles(): Promise<(document: string, anchor: string) => string> {
  return (document, anchor) => {
    const heading = sectionHeading('policies', document, anchor) ?? sectionHeading('briefings', document, anchor);
    return heading ? heading.text.trim().replace(/[：:]$/, '') : anchor;
  };
}
