import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { findRecords, prepareRecords, type IndexedRecord } from '../../../src/lib/search/phrase-search.ts';
import { openSearchIndex, recordFacets, queryShardedIndex, runtimeSegmenter } from '../../../src/lib/search/search-shards.ts';
import { buildSearchIndex } from '../../../src/lib/search/search-index-writer.ts';
import type { IndexVocabulary } from '../../../src/lib/search/vocabulary-files.ts';
import { orderRecords, recordNumbers } from '../../../src/lib/search/index-layout.ts';
import { CHUNK_SIZE, SearchIndexVersionError, type SearchIndexMeta } from '../../../src/lib/search/search-index-format.ts';
import { decodePosting } from '../../../src/lib/search/search-postings.ts';
import { gramShard, termGrams } from '../../../src/lib/search/grams.ts';
import { squeeze, textFolder } from '../../../src/lib/search/search-text.ts';
import { SEARCH_KINDS, searchRecords } from '../../../src/lib/search/search-records.ts';
import { indicatorNames, siteSynonyms, siteWords } from '../../../src/lib/search/site-vocabulary.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import { readContentFiles } from '../../../src/loaders/content-files.ts';
import { answerRecords } from '../../../src/lib/search/answer-records.ts';
import { allQueryCases, urlMatcher, type SearchQueryCase } from '../../../scripts/bench/search-evaluation.ts';

const root = join(import.meta.dirname, '..', '..', '..', 'content');
const model = validateContent(readContentFiles(root)).model;
const made = searchRecords(model, (kind, id) => readFileSync(join(root, kind, `${id}.mdx`), 'utf8'));
const records: IndexedRecord[] = orderRecords(
  made.map(({ content, ...rest }) => ({ ...rest, text: content })),
  Object.values(SEARCH_KINDS),
);
const pinyin = new Map(
  Object.entries({
    营: 'ying',
    商: 'shang',
    环: 'huan',
    境: 'jing',
    竟: 'jing',
    纳: 'na',
    税: 'shui',
    时: 'shi',
    事: 'shi',
    间: 'jian',
    件: 'jian',
    押: 'ya',
    压: 'ya',
    带: 'dai',
    过: 'guo',
    户: 'hu',
    // Homophones of spoken fragments that must not be offered as corrections (一直 → 一指, 开个 → 开各, 账上 → 掌上).
    一: 'yi',
    直: 'zhi',
    指: 'zhi',
    执: 'zhi',
    开: 'kai',
    个: 'ge',
    各: 'ge',
    账: 'zhang',
    掌: 'zhang',
  }),
);
const vocabulary: IndexVocabulary = {
  traditional: new Map([
    ['營', '营'],
    ['環', '环'],
    ['覈', '核'],
  ]),
  pinyin,
  words: siteWords(model, made),
  synonyms: siteSynonyms(model),
  names: indicatorNames(model),
  answers: answerRecords(model),
};
const fold = textFolder((ch) => vocabulary.traditional.get(ch));
const files = new Map<string, string>();
buildSearchIndex(records, vocabulary, (path, text) => files.set(path, text));
const meta = JSON.parse(files.get('meta.json')!) as SearchIndexMeta;
const numbers = recordNumbers(records);
/** The record of each number the index gives. */
const recordOf = new Map(numbers.map((n, i) => [n, records[i]!]));
const readFile = async (path: string) => {
  const file = files.get(path);
  if (file === undefined) throw new Error(`no ${path}`);
  return file;
};
const index = (maxChunks?: number) => openSearchIndex({ meta, maxChunks, load: readFile });
const everything = prepareRecords(records, fold);
const cases: SearchQueryCase[] = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'search', 'queries.json'), 'utf8'));

test('grams are characters and adjacent pairs of the folded text, never across whitespace', () => {
  expect(termGrams('区政数局')).toEqual(['区政', '政数', '数局']);
  expect(termGrams('税')).toEqual(['税']);
  const tiny = new Map<string, string>();
  const tinyVocabulary = {
    traditional: new Map([
      ['標', '标'],
      ['題', '题'],
    ]),
    pinyin: new Map(),
    words: [],
    synonyms: {},
    names: {},
  };
  buildSearchIndex(
    [{ url: '/a/', title: '標題', text: '营商 环境·局', kind: '政策文件', regions: [], indicators: [] }],
    tinyVocabulary,
    (p, t) => tiny.set(p, t),
  );
  const shard = JSON.parse(tiny.get('grams/0.json')!) as Record<string, string>;
  // Name punctuation is skipped: 境·局 gives the pair 境局.
  expect(
    Object.keys(shard)
      .filter((k) => !k.startsWith('\u0000'))
      .sort(),
  ).toEqual(['商', '境', '局', '境局', '标', '标题', '环', '环境', '营', '营商', '题'].sort());
  expect(
    Object.keys(shard)
      .filter((k) => k.startsWith('\u0000'))
      .map((k) => k.slice(1))
      .sort(),
  ).toEqual(['标', '标题', '题'].sort());
  expect(gramShard('营商', 1)).toBe(0);
});

test('every record is in the postings of each of its grams', () => {
  const shard = JSON.parse(files.get('grams/0.json')!) as Record<string, string>;
  const postings = Object.entries(shard).filter(([key]) => key.charCodeAt(0) > 0x1f || key.startsWith('\u0000'));
  for (const [gram, entry] of postings.slice(0, 50)) {
    const ids = decodePosting(entry.startsWith('@') ? files.get(`grams/long-${entry.slice(1)}.txt`)! : entry);
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const inTitleOnly = gram.startsWith('\u0000');
    for (const id of ids)
      expect(squeeze(fold(inTitleOnly ? recordOf.get(id)!.title : `${recordOf.get(id)!.title} ${recordOf.get(id)!.text}`)).text).toContain(
        gram.replace('\u0000', ''),
      );
  }
});

test('every answer the query sets accept is the address of a record, so no expectation is left behind when addresses change', () => {
  const urls = records.map((r) => r.url);
  const stale = allQueryCases((file) => readFileSync(join(import.meta.dirname, '..', '..', '..', file), 'utf8')).flatMap((c) =>
    c.expect.filter((pattern) => !urls.some(urlMatcher([pattern]))).map((pattern) => `${c.query}: ${pattern}`),
  );
  expect(stale).toEqual([]);
});

test('the facets of every record come back from the runs, by its number', () => {
  const facets = recordFacets(meta);
  expect(numbers.map((n) => [facets[n]?.kind, facets[n]?.regions, facets[n]?.year])).toEqual(
    records.map((r) => [r.kind, r.regions, r.year]),
  );
  expect(facets.filter((f) => f !== undefined)).toHaveLength(records.length);
});

test("a region's next briefing leaves the record files and postings of every other group as they were", () => {
  // The next issue of the site's briefing, a short one: its first section, dated later, in the briefing's group.
  const briefing = records.filter((r) => r.kind === SEARCH_KINDS.briefing);
  expect(briefing.length).toBeGreaterThan(1);
  const next = briefing.slice(0, 1).map((r) => ({ ...r, url: r.url.replace(/\/(#|$)/, '-next/$1'), date: '2099-01-01', year: '2099' }));
  const republished = orderRecords([...records, ...next], Object.values(SEARCH_KINDS));
  const after = new Map<string, string>();
  buildSearchIndex(republished, vocabulary, (path, text) => after.set(path, text));
  expect(JSON.parse(after.get('meta.json')!).shards).toBe(meta.shards);
  const group = (r: IndexedRecord) => r.kind === SEARCH_KINDS.briefing && r.regions.join() === briefing[0]!.regions.join();
  // Record files of other groups: the same bytes.
  const others = [...files.keys()].filter(
    (path) => path.startsWith('records/') && !(JSON.parse(files.get(path)!) as IndexedRecord[]).some(group),
  );
  expect(others.length).toBeGreaterThan(10);
  for (const path of others) expect(after.get(path), path).toBe(files.get(path));
  // The postings of every gram the group's records do not hold: the same, read as a query reads them.
  const groupText = records
    .filter(group)
    .map((r) => squeeze(fold(`${r.title} ${r.text}`)).text)
    .join('\n');
  const entries = (index: Map<string, string>) => {
    const out = new Map<string, string>();
    for (const [path, text] of index)
      if (/^grams\/\d+\.json$/.test(path))
        for (const [key, entry] of Object.entries(JSON.parse(text) as Record<string, string>))
          out.set(key, entry.startsWith('@') ? index.get(`grams/long-${entry.slice(1)}.txt`)! : entry);
    return out;
  };
  const [before, later] = [entries(files), entries(after)];
  const elsewhere = [...before.keys()].filter((key) => key.charCodeAt(0) >= 0x20 && !groupText.includes(key));
  expect(elsewhere.length).toBeGreaterThan(100);
  for (const key of elsewhere) expect(later.get(key), key).toBe(before.get(key));
});

/** Document frequencies from the index's postings, as the sharded search reads them. */
const documentFrequency = (gram: string) => {
  const entry = (JSON.parse(files.get(`grams/${gramShard(gram, meta.shards)}.json`)!) as Record<string, string>)[gram];
  return entry === undefined ? 0 : decodePosting(entry.startsWith('@') ? files.get(`grams/long-${entry.slice(1)}.txt`)! : entry).length;
};
const statistics = { records: meta.records, averageLength: meta.averageLength, documentFrequency };

test('when the candidates fit, a query held whole gives exactly the results of a search over every record', async () => {
  let compared = 0;
  for (const { query } of cases) {
    // Every record file may be read: what fits the budget of a query is tested below.
    const sharded = await queryShardedIndex(index(Math.ceil((numbers.at(-1)! + 1) / CHUNK_SIZE)), query, { limit: 20 });
    if (!sharded.complete || !sharded.exact) continue;
    compared += 1;
    const direct = findRecords(everything, sharded.plan, statistics, { limit: 20 });
    expect(
      sharded.hits.map((h) => h.record.url),
      query,
    ).toEqual(direct.hits.map((h) => h.record.url));
    expect(sharded.total, query).toBe(direct.total);
    expect(sharded.facets, query).toEqual(direct.facets);
  }
  expect(compared).toBeGreaterThan(cases.length * 0.7);
  // Every query against every record: seconds on a busy machine.
}, 30_000);

test("a mistyped word is corrected from the site's words with the same pinyin, and suggested", async () => {
  const response = await queryShardedIndex(index(), '营商环竟', { limit: 5 });
  expect(response.suggestions).toEqual([{ from: '营商环竟', to: '营商环境' }]);
  expect(response.hits.length).toBeGreaterThan(0);
  const homophone = await queryShardedIndex(index(), '带压过户', { limit: 5 });
  expect(homophone.suggestions.map((s) => s.to)).toEqual(['带押过户']);
  expect(homophone.hits[0]!.record.url).toMatch(/#s1-5$/);
});

test('the pieces of a spoken question that no record holds are not "corrected" to homophones', async () => {
  // 账上 → 掌上, 发不 → 法不, 一直 → 一指 were offered before: two characters, or words far apart, are not one typo.
  // Split as the page splits them, with the browser's segmenter.
  const page = openSearchIndex({ meta, load: readFile, segment: runtimeSegmenter() });
  for (const query of ['公司账上没钱了工资发不出来', '政府项目干完了钱一直不结', '开个小饭馆']) {
    const response = await queryShardedIndex(page, query, { limit: 5 });
    expect(response.suggestions, query).toEqual([]);
  }
});

test('a word no record holds is searched by its characters, after every record holding a word of the query whole', async () => {
  // 完税 is not in the text, nor in the synonyms dataset: its characters find the records on 纳税 instead of nothing.
  const alone = await queryShardedIndex(index(), '完税', { limit: 10 });
  expect(alone.plan.characters).toEqual(['完', '税']);
  expect(alone.hits.length).toBeGreaterThan(0);
  expect(alone.hits.slice(0, 3).every((h) => h.record.text.includes('税'))).toBe(true);
  // Beside a word the text holds (政府采购), the characters only order the records holding that word.
  const mixed = await queryShardedIndex(index(), '政府采购完税', { limit: 40 });
  expect(mixed.plan.characters).toEqual(['完', '税']);
  expect(mixed.hits.length).toBeGreaterThan(5);
  expect(mixed.hits.every((h) => `${h.record.title}${h.record.text}`.includes('政府采购'))).toBe(true);
});

test("every document term of the synonyms dataset occurs in the site's text, so no everyday word leads nowhere", () => {
  const texts = everything.map((r) => squeeze(fold(`${r.title} ${r.text}`)).text);
  const nowhere = model.synonyms.flatMap(({ data }) =>
    data.documentTerms
      .filter((term) => !texts.some((text) => text.includes(squeeze(fold(term)).text)))
      .map((term) => `${data.term} → ${term}`),
  );
  expect(nowhere).toEqual([]);
});

test("an everyday word of the synonyms dataset is found in the shards the query's pairs bring, and searched as the documents' terms", async () => {
  expect(meta).not.toHaveProperty('synonyms');
  const read: string[] = [];
  const opened = openSearchIndex({ meta, load: async (path) => (read.push(path), readFile(path)) });
  // 报关 is not in the text; the dataset maps it to 海关 and 跨境贸易.
  const response = await queryShardedIndex(opened, '报关', { limit: 10 });
  expect(response.plan.alternatives['报关']).toEqual(expect.arrayContaining(['海关', '跨境贸易']));
  expect(response.plan.characters).toEqual([]);
  expect(response.hits[0]!.record.url).toMatch(/kuajing-maoyi/);
  // The dataset costs no file of its own: the gram shards read are those of the query's pairs and their forms' pairs.
  expect(read.filter((path) => path.startsWith('grams/') && !/^grams\/\d+\.json$/.test(path))).toEqual([]);
  // A word the text holds comes before the documents' terms for it: 出口 is in the text, 跨境贸易 its dataset form.
  const own = await queryShardedIndex(index(), '出口', { limit: 10 });
  expect(own.plan.alternatives['出口']).toContain('跨境贸易');
  expect(`${own.hits[0]!.record.title}${own.hits[0]!.record.text}`).toContain('出口');
});

test('traditional and variant characters are read from the table only when the query has them', async () => {
  const loaded: string[] = [];
  const watched = openSearchIndex({ meta, load: async (path: string) => (loaded.push(path), readFile(path)) });
  await queryShardedIndex(watched, '营商环境', { limit: 5 });
  expect(loaded.filter((p) => p.startsWith('chars/'))).toEqual([]);
  const traditional = await queryShardedIndex(watched, '項目審批覈准', { limit: 5 });
  expect(traditional.plan.phrases.join('')).toContain('核准');
  expect(loaded.filter((p) => p.startsWith('chars/traditional')).length).toBeGreaterThan(0);
});

test('when they do not fit, the best-placed candidates are checked and the total is an estimate', async () => {
  const direct = await queryShardedIndex(index(), '营商环境', { limit: Infinity });
  const partial = await queryShardedIndex(index(2), '营商环境', { limit: 200 });
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
  const filtered = await queryShardedIndex(index(2), '营商环境', { filters: { kind: '工作简报' }, limit: 200 });
  expect(filtered.hits.every((h) => h.record.kind === '工作简报')).toBe(true);
  expect(filtered.hits.length).toBeGreaterThan(0);
});

test("a query's budget is counted in records: part-filled record files cost less, and the files are bounded too", async () => {
  const readBeyondWholeFiles: number[] = [];
  for (const budget of [1, 2, 4, 8]) {
    const read: string[] = [];
    const opened = openSearchIndex({ meta, maxChunks: budget, load: async (path: string) => (read.push(path), readFile(path)) });
    expect((await queryShardedIndex(opened, '营商环境', { limit: 200 })).complete).toBe(false);
    const recordFiles = read.filter((path) => path.startsWith('records/'));
    const recordsRead = recordFiles.reduce((sum, path) => sum + (JSON.parse(files.get(path)!) as unknown[]).length, 0);
    expect(recordsRead).toBeLessThanOrEqual(budget * CHUNK_SIZE);
    expect(recordFiles.length).toBeLessThanOrEqual(2 * budget);
    if (recordFiles.length > budget) readBeyondWholeFiles.push(budget);
  }
  // Groups end in part-filled files (index-layout.ts), so some budget of whole files' worth reads more files than that.
  expect(readBeyondWholeFiles.length).toBeGreaterThan(0);
});

test('an opened index reads each file once, however many queries use it', async () => {
  const loaded: string[] = [];
  const opened = openSearchIndex({ meta, load: async (path: string) => (loaded.push(path), readFile(path)) });
  await queryShardedIndex(opened, '營商環境', { limit: 5 });
  await queryShardedIndex(opened, '营商环境', { limit: 5 });
  await queryShardedIndex(opened, '營商環竟', { limit: 5 });
  const jsonFiles = loaded.filter((p) => !p.startsWith('records/') && !p.includes('long-'));
  expect(jsonFiles.length).toBeGreaterThan(0);
  expect(jsonFiles).toEqual([...new Set(jsonFiles)]);
});

test('an index written by another version is refused with a message saying what to do', () => {
  const load = async () => '';
  expect(() => openSearchIndex({ meta: { ...meta, version: meta.version - 1 }, load })).toThrow(SearchIndexVersionError);
  expect(() => openSearchIndex({ meta: { ...meta, version: meta.version - 1 }, load })).toThrow(
    /搜索索引的版本（\d+）与本页面的搜索程序（版本 \d+）不一致：请刷新页面/,
  );
  expect(() => openSearchIndex({ meta: undefined as unknown as SearchIndexMeta, load })).toThrow(SearchIndexVersionError);
  expect(() => openSearchIndex({ meta, load })).not.toThrow();
});

test('pinyin no record holds is read as the site words; Latin the text holds is searched as typed', async () => {
  const withPinyin = new Map(files);
  withPinyin.set('pinyin-terms.txt', "政务服务 zheng'wu'fu'wu\n获得电力 huo'de'dian'li");
  const opened = openSearchIndex({ meta, load: async (path) => withPinyin.get(path) ?? Promise.reject(new Error(path)) });
  const initials = await queryShardedIndex(opened, 'zwfw', { limit: 5 });
  expect(initials.pinyin).toEqual([{ typed: 'zwfw', readAs: ['政务服务'], others: [] }]);
  expect(initials.hits.length).toBeGreaterThan(0);
  expect(initials.hits[0]!.record.text + initials.hits[0]!.record.title).toContain('政务服务');
  const english = await queryShardedIndex(opened, 'AEO', { limit: 5 });
  expect(english.pinyin).toEqual([]);
  expect(english.hits.map((h) => h.record.url)).toContain('/tasks/qingshanhu-2023-zhibiao-renwu/#r46');
});

test('a question the records answer gets its card; only the records filed under what it names are read', async () => {
  const loaded: string[] = [];
  const opened = openSearchIndex({ meta, load: async (path: string) => (loaded.push(path), readFile(path)) });
  const who = await queryShardedIndex(opened, '青山湖开办企业谁牵头', { limit: 5 });
  expect(who.card?.kind).toBe('responsible');
  expect(who.card?.entries[0]!.rows[0]).toEqual({ label: '牵头单位', value: '区市场监管局' });
  const answerFiles = loaded.filter((path) => path.startsWith('answers/'));
  expect(answerFiles).toHaveLength(1);
  expect(answerFiles[0]).toMatch(/^answers\/responsible-\d+\.json$/);
  expect((await queryShardedIndex(opened, '湖办发〔2023〕8号', { limit: 5 })).card?.kind).toBe('policy');
  expect((await queryShardedIndex(opened, '带押过户', { limit: 5 })).card).toBeUndefined();
});
