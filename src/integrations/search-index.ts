/**
 * After the build, writes the search index: every document section and data
 * row as a record (search/records.json), and the query vocabulary that folds
 * traditional characters and indicator aliases (search/vocabulary.json).
 * The search page loads both on the first query; see lib/phrase-search.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as OpenCC from 'opencc-js';
import { contentRoot, loadContentModel } from '../loaders/content-files.ts';
import { searchRecords, type SearchRecord } from '../lib/search-records.ts';
import { buildVocabulary, type QueryVocabulary } from '../lib/search-text.ts';
import type { IndexedRecord } from '../lib/phrase-search.ts';

/** The records of the current content, as the index and the search benchmark both see them. */
export function currentSearchRecords(): SearchRecord[] {
  const model = loadContentModel();
  return searchRecords(model, (kind, id) => readFileSync(join(contentRoot(), kind, `${id}.mdx`), 'utf8'));
}

export function currentVocabulary(records: readonly SearchRecord[]): QueryVocabulary {
  return buildVocabulary({
    text: records.map((r) => `${r.title}${r.content}`).join(''),
    toTraditional: OpenCC.Converter({ from: 'cn', to: 't' }),
    indicators: loadContentModel().indicators.map((i) => i.data),
  });
}

export function indexedRecords(records: readonly SearchRecord[]): IndexedRecord[] {
  return records.map(({ content, ...rest }) => ({ ...rest, text: content }));
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'search');
        const records = currentSearchRecords();
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'records.json'), JSON.stringify(indexedRecords(records)));
        writeFileSync(join(out, 'vocabulary.json'), JSON.stringify(currentVocabulary(records)));
        logger.info(`搜索索引：${records.length} 条记录`);
      },
    },
  };
}
