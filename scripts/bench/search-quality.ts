/**
 * The query set of test/search/queries.json run against a built site's
 * index with the site's own search code. In a synthetic corpus every county
 * publishes its own copy of the real documents (see
 * scripts/corpus/synthetic-corpus.ts), so a result counts when it is the
 * expected section in any county's copy: the `county-NNN-` prefix, years,
 * briefing issue numbers, region ids and region names in addresses are
 * ignored, and the copies of one section count as one result, as they would
 * if each county's text were its own. On the real content this is the hit@5
 * of the browser test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSearchIndex, runtimeSegmenter, queryShardedIndex } from '../../src/lib/search/search-shards.ts';
import { SEARCH_INDEX_DIR, type SearchIndexMeta } from '../../src/lib/search/search-index-format.ts';
import { outcomeOf, searchQuality, type SearchQuality, type SearchQueryCase } from './search-evaluation.ts';
import { loadContentModel } from '../../src/loaders/content-files.ts';
import { regionStem, SYNTHETIC_COUNTIES } from '../corpus/synthetic-corpus.ts';
import { asciiAnchor } from '../../src/lib/content/anchors.ts';

// A copy names its county where the original names its region, in headings and so in anchors, which spell
// an unnumbered heading's first words in pinyin (关于上饶市… → #guanyushangrao, 关于安源市… → #guanyuanyuan).
const stems = [...loadContentModel('content').regions.map((r) => regionStem(r.data.name)), ...SYNTHETIC_COUNTIES.map((c) => c.stem)];
const regionNames = new RegExp([...stems, ...stems.map(asciiAnchor)].sort((a, b) => b.length - a.length).join('|'), 'g');

const sameSection = (url: string) =>
  decodeURI(url)
    .replace(regionNames, '<地区>')
    .replace(/county-\d{3}-/g, '')
    .replace(/20\d\d/g, '20XX')
    // Each copy's briefings are numbered on from the last, and its regions have their own ids.
    .replace(/(jianbao-20XX-)\d+/g, '$1NN')
    .replace(/^(\/indicators\/[^/]+\/)[^/#]+\//, '$1R/')
    .replace(/(-\d{2}-\d{2}-[a-z-]+?)-\d+$/, '$1');

export async function provinceSearchQuality(siteDir: string): Promise<SearchQuality> {
  const cases: SearchQueryCase[] = JSON.parse(readFileSync('test/search/queries.json', 'utf8'));
  const load = async (path: string) => readFileSync(join(siteDir, SEARCH_INDEX_DIR, path), 'utf8');
  const meta = JSON.parse(await load('meta.json')) as SearchIndexMeta;
  const index = openSearchIndex({ meta, load, segment: runtimeSegmenter() });
  const outcomes = [];
  for (const testCase of cases) {
    const response = await queryShardedIndex(index, testCase.query, { limit: 20 });
    // Results encoded again, since urlMatcher decodes them (an anchor may hold a %).
    const ranked = [...new Set(response.hits.map((h) => encodeURI(sameSection(h.record.url))))];
    outcomes.push(outcomeOf({ ...testCase, expect: testCase.expect.map(sameSection) }, ranked));
  }
  return searchQuality(outcomes);
}
