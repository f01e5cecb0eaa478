/**
 * A document's rendered HTML and headings, as loaders/document-loader.ts left
 * them; links the author wrote as site paths get this build's base path.
 */
import { readFileSync } from 'node:fs';
import type { MarkdownHeading } from 'astro';
import { SITE_ADDRESS, withBaseInHtml } from '../lib/routes.ts';

export function documentBody(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } | undefined }): { html: string; headings: MarkdownHeading[] } {
  const metadata = entry.rendered?.metadata;
  if (typeof metadata?.htmlFile !== 'string') throw new Error(`${entry.id}: rendered HTML missing; run the build again`);
  return { html: withBaseInHtml(readFileSync(metadata.htmlFile, 'utf8'), SITE_ADDRESS.base), headings: (metadata.headings as MarkdownHeading[] | undefined) ?? [] };
}
