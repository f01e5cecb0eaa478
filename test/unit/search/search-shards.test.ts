import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findRecords, prepareRecords, type IndexedRecord } from '../../../src/lib/search/phrase-search.ts';
import { buildSearchIndex, decodePosting, gramShard, orderRecords, recordFacets, queryShardedIndex, termGrams, type SearchIndexMeta } from '../../../src/lib/search/search-shards.ts';
import { queryVariants, textFolder, type QueryVocabulary } from '../../../src/lib/search/search-text.ts';
import { SEARCH_KINDS, searchRecords } from '../../../src/lib/search/search-records.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import { readContentFiles } from '../../../src/loaders/content-files.ts';
import { urlMatcher, type SearchQueryCase } from '../../../scripts/bench/search-evaluation.ts';

const root = join(import.meta.dirname, '..', '..', '..', 'content');
const model = validateContent(readContentFiles(root)).model;
const records: IndexedRecord[] = orderRecords(
  searchRecords(model, (kind, id) => readFileSync(join(root, kind, `${id}.mdx`), 'utf8')).map(({ content, ...rest }) => ({ ...rest, text: content })),
  Object.values(SEARCH_KINDS),
);
const vocabulary: QueryVocabulary = { traditional: { 營: '营', 環: '环', 境: '境' }, aliases: {} };
const fold = textFolder(vocabulary.traditional);
const files = new Map<string, string>();
buildSearchIndex(records, vocabulary, (path, text) => files.set(path, text));
const meta = JSON.parse(files.get('meta.json')!) as SearchIndexMeta;
const index = (maxChunks?: number) => ({
  meta,
  facets: recordFacets(meta),
  maxChunks,
  load: async (path: string) => {
    const file = files.get(path);
    if (file === undefined) throw new Error(`no ${path}`);
    return file;
  },
});
const everything = prepareRecords(records, fold);
const cases: SearchQueryCase[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'search', 'queries.json'), 'utf8'));

test('grams are characters and adjacent pairs of the folded text, never across whitespace', () => {
  expect(termGrams('区政数局')).toEqual(['区政', '政数', '数局']);
  expect(termGrams('税')).toEqual(['税']);
  const tiny = new Map<string, string>();
  buildSearchIndex([{ url: '/a/', title: '標題', text: '营商 环境', kind: '政策文件', regions: [], indicators: [] }], { traditional: { 標: '标', 題: '题' }, aliases: {} }, (p, t) => tiny.set(p, t));
  const shard = JSON.parse(tiny.get('grams/0.json')!) as Record<string, string>;
  expect(Object.keys(shard).filter((k) => !k.startsWith('\u0000')).sort()).toEqual(['商', '境', '标', '标题', '环', '环境', '营', '营商', '题'].sort());
  expect(Object.keys(shard).filter((k) => k.startsWith('\u0000')).map((k) => k.slice(1)).sort()).toEqual(['标', '标题', '题'].sort());
  expect(gramShard('营商', 1)).toBe(0);
});

test('every record is in the postings of each of its grams', () => {
  const shard = JSON.parse(files.get('grams/0.json')!) as Record<string, string>;
  for (const [gram, entry] of Object.entries(shard).slice(0, 50)) {
    const ids = decodePosting(entry.startsWith('@') ? files.get(`grams/long-${entry.slice(1)}.txt`)! : entry);
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const inTitleOnly = gram.startsWith('\u0000');
    for (const id of ids) expect(fold(inTitleOnly ? records[id]!.title : `${records[id]!.title} ${records[id]!.text}`)).toContain(gram.replace('\u0000', ''));
  }
});

test('every answer the query set accepts is the address of a record, so no expectation is left behind when addresses change', () => {
  const urls = records.map((r) => r.url);
  const stale = cases.flatMap((c) => c.expect.filter((pattern) => !urls.some(urlMatcher([pattern]))).map((pattern) => `${c.query}: ${pattern}`));
  expect(stale).toEqual([]);
});

test('the facets of every record come back from the runs', () => {
  expect(recordFacets(meta).map((f) => [f.kind, f.regions, f.year])).toEqual(records.map((r) => [r.kind, r.regions, r.year]));
});

test('when the candidates fit, results are exactly those of a search over every record', async () => {
  for (const { query } of cases) {
    const variants = queryVariants(query, vocabulary);
    const sharded = await queryShardedIndex(index(), variants, fold, { limit: 20 });
    const direct = findRecords(everything, variants, { limit: 20 });
    expect(sharded.complete, query).toBe(true);
    expect(sharded.hits.map((h) => h.record.url), query).toEqual(direct.hits.map((h) => h.record.url));
    expect(sharded.total, query).toBe(direct.total);
    expect(sharded.facets, query).toEqual(direct.facets);
  }
});

test('when they do not, the best-placed candidates are checked and the total is an estimate', async () => {
  const variants = queryVariants('营商环境', vocabulary);
  const direct = findRecords(everything, variants, { limit: Infinity });
  const partial = await queryShardedIndex(index(2), variants, fold, { limit: 200 });
  expect(partial.complete).toBe(false);
  expect(partial.hits.length).toBeGreaterThan(0);
  expect(partial.hits.length).toBeLessThan(direct.total);
  const genuine = new Set(direct.hits.map((h) => h.record.url));
  for (const hit of partial.hits) expect(genuine).toContain(hit.record.url);
  // Records naming the terms in their title are checked first: here there are more of them than fit.
  const titled = direct.hits.filter((h) => fold(h.record.title).includes('营商环境'));
  expect(titled.length).toBeGreaterThan(partial.hits.length);
  expect(partial.hits.every((h) => fold(h.record.title).includes('营商环境'))).toBe(true);
  expect(partial.total).toBeGreaterThanOrEqual(direct.total);
  const filtered = await queryShardedIndex(index(2), variants, fold, { filters: { kind: '工作简报' }, limit: 200 });
  expect(filtered.hits.every((h) => h.record.kind === '工作简报')).toBe(true);
  expect(filtered.hits.length).toBeGreaterThan(0);
});
