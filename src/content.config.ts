/**
 * Content collections: the policy and briefing documents (rendered by
 * loaders/document-loader.ts) and the notes about the content.
 *
 * The CSV datasets are not Astro collections: lib/content/validate-content.ts checks
 * every row against the zod schemas in src/schemas/ (with the file and row of
 * every problem) before anything is built, and pages read the validated rows
 * from that model (src/data/site-content.ts). Astro copies its data store
 * into the build's JavaScript bundle; with 100,000 task rows that copy alone
 * took gigabytes of memory.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentRoot } from './loaders/content-files.ts';
import { documentLoader } from './loaders/document-loader.ts';
import { policySchema } from './schemas/policies.ts';
import { briefingSchema } from './schemas/briefings.ts';

const root = contentRoot();

const policies = defineCollection({
  loader: documentLoader('policies'),
  schema: policySchema,
});

const briefings = defineCollection({
  loader: documentLoader('briefings'),
  schema: briefingSchema,
});

/** Notes about the content itself, such as PROVENANCE.md. */
const notes = defineCollection({
  loader: glob({ base: root, pattern: '*.md' }),
});

export const collections = { notes, policies, briefings };
