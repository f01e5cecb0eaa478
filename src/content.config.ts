/**
 * Content collections: the rendered bodies of the policy and briefing
 * documents (loaders/document-loader.ts) and the notes about the content.
 *
 * Pages read everything else from the validated content model:
 * lib/content/validate-content.ts checks every document's frontmatter and every
 * CSV row against the zod schemas in src/schemas/ (with the file and row of
 * every problem) before anything is built, and pages read the documents and
 * rows from that model (src/data/site-content.ts). So the collections have no
 * schema: the fields are validated once, not again here. The CSV datasets are
 * not collections at all: Astro copies its data store into the build's
 * JavaScript bundle, and with 100,000 task rows that copy alone took gigabytes
 * of memory.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './loaders/content-files.ts';
import { documentLoader } from './loaders/document-loader.ts';

const root = contentRoot();

const policies = defineCollection({ loader: documentLoader('policies') });

const briefings = defineCollection({ loader: documentLoader('briefings') });

/** Notes about the content itself, such as PROVENANCE.md. */
const notes = defineCollection({
  loader: glob({ base: root, pattern: '*.md' }),
});

export const collections = { notes, policies, briefings };
