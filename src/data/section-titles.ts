/**
 * The heading of a document section by its anchor, for source lines that
 * name the section rather than its address: `s1-2` → （二）…, as the
 * document's own heading reads. A row may cite a section by its former
 * Chinese anchor, which names the same heading.
 */
import { loadSiteModel, oncePerContent } from '../loaders/content-files.ts';

const headingsByDocument = oncePerContent(() => {
  const model = loadSiteModel();
  return new Map(
    [...model.policies, ...model.briefings].map((d) => {
      const titles = new Map<string, string>();
      for (const h of d.headings) {
        const title = h.text.trim().replace(/[：:]$/, '');
        titles.set(h.anchor, title);
        if (h.alias) titles.set(h.alias, title);
      }
      return [d.id, titles] as const;
    }),
  );
});

/** `(document, anchor) → heading text`; the anchor itself when the document has no such heading. */
export async function sectionTitles(): Promise<(document: string, anchor: string) => string> {
  const headings = headingsByDocument();
  return (document, anchor) => headings.get(document)?.get(anchor) ?? anchor;
}
