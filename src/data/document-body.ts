/** A document's rendered HTML and headings, as loaders/document-loader.ts left them. */
import { readFileSync } from 'node:fs';
import type { MarkdownHeading } from 'astro';

export function documentBody(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } | undefined }): { html: string; headings: MarkdownHeading[] } {
  const metadata = entry.rendered?.metadata;
  if (typeof metadata?.htmlFile !== 'string') throw new Error(`${entry.id}: rendered HTML missing; run the build again`);
  return { html: readFileSync(metadata.htmlFile, 'utf8'), headings: (metadata.headings as MarkdownHeading[] | undefined) ?? [] };
}
