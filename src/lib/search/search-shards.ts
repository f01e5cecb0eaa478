/**
 * The search index split into small files, so that a query downloads only
 * what it needs however large the site grows. Pure: the build hands each
 * file to a `write(path, text)` function; the browser (and the tests) read
 * them through a `load(path)` function.
 *
 * - `meta.json`: record count and average length (for BM25), synonyms,
 *   region names, how the character tables are split, and the kind, regions
 *   and year of every record as runs (records are ordered by kind, region,
 *   year), so facet counts and filters need no record text.
 * - `grams/<n>.json`: for every character and every pair of adjacent
 *   characters in the folded text (name punctuation skipped), the records
 *   containing it (a posting), sharded by a hash of the gram; long postings
 *   get a file of their own (`grams/long-<n>.txt`). Beside a pair's postings
 *   in the same shard: its postings in titles only (key \u0000 + pair) and the
 *   vocabulary words starting with it (key \u0001 + pair), so splitting a
 *   run-together query costs no extra file. Vocabulary words by the pinyin of
 *   their first two characters are keyed \u0002 + pinyin, for typos.
 * - `chars/traditional-<n>.json`, `chars/pinyin-<n>.json`: the complete
 *   traditional/variant → simplified table and the pinyin of common
 *   characters, split by code point (see character-tables.ts); a query reads
 *   only the parts its characters need, and only when it needs them.
 * - `records/<n>.json`: the records themselves, CHUNK_SIZE to a file.
 *
 * A query's candidates are the records holding its character pairs, scored
 * by the pairs' rarity; the best-placed candidates' chunks (at most
 * MAX_CHUNKS_PER_QUERY) are read and ranked by phrase-search.ts.
 */
import { activeFilters, countFacets, findRecords, formsOf, passesFilters, planGrams, prepareRecords, type FacetedRecord, type IndexedRecord, type PreparedRecord, type SearchOptions, type SearchResponse } from './phrase-search.ts';
import { foldChar, isNamePunctuation, squeeze, textFolder } from './search-text.ts';
import { characterTableReader, splitCharacterTable, type CharacterTableMeta } from './character-tables.ts';
import { gramShard, termGrams } from './grams.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { planQuery, type QueryPlan } from './query-understanding.ts';
import { corrections, pinyinKey, wordPinyin, type Correction } from './typo-corrections.ts';
import { groupBy } from '../catalog.ts';
import { answerKey, askedKinds, chooseAnswerCard, type AnswerCard } from './answer-cards.ts';
import type { AnswerKind, AnswerRecords } from './answer-records.ts';
import { decodeRelated, encodeRelated } from './related-words.ts';
import { decodePinyinTerms, encodePinyinTerms, latinRuns, readPinyin, type PinyinTerm } from './pinyin-reading.ts';

export { gramShard, termGrams };

export const SEARCH_INDEX_VERSION = 4;
/** Where the index files are published, below the site root. */
export const SEARCH_INDEX_DIR = 'search-index';
/** Records to a file: candidates are scattered, so a small file carries few records the query does not need. */
export const CHUNK_SIZE = 16;
/** Record files read for one query at most: about 70 KB compressed on today's content, 165 KB at province scale. */
export const MAX_CHUNKS_PER_QUERY = 16;
/** Postings longer than this (encoded characters) get a file of their own. */
const LONG_POSTING = 2048;
/**
 * Target size of a shard of short postings (characters). A query reads a shard for each character pair it
 * has, and needs one entry of it, so shards are small: about 1 KB compressed.
 */
const SHARD_TARGET = 2_000;
const TITLE = '\u0000';
const WORDS = '\u0001';
const PINYIN = '\u0002';
/** Everyday words from the general wordnet, filed under their first pair (so in the pair's shard): word=site word,… */
const RELATED = '\u0003';
const CHARACTER_SHARDS = 16;
/** The site's words with their pinyin, read only when a query has Latin letters. */
export const PINYIN_TERMS_FILE = 'pinyin-terms.txt';
/** Homophones tried for a mistyped character, the most frequent in the site first. */
const MAX_HOMOPHONES = 8;
/** Terms longer than this are not checked for typos: a long phrase is rarely one mistyped word (its words are checked). */
const MAX_TYPO_TERM = 8;
/** An approximate search (nothing holds the query whole) checks at most this many records, in this many chunks. */
const APPROXIMATE_RECORDS = 64;
const APPROXIMATE_CHUNKS = 16;

export interface SearchIndexMeta {
  version: number;
  records: number;
  /** Mean length of the records' text, for BM25. */
  averageLength: number;
  chunkSize: number;
  shards: number;
  /** Everyday word → the documents' terms (the synonyms dataset), folded. */
  synonyms: Record<string, string[]>;
  /** Another name of an indicator → its own name, folded. */
  names: Record<string, string>;
  traditional: CharacterTableMeta;
  pinyin: CharacterTableMeta;
  kinds: string[];
  regionSets: string[][];
  /** Runs of records sharing kind, regions and year, flattened: [kind, regionSet, year or 0, length]… */
  runs: number[];
}

/** What the index is built from besides the records. */
export interface IndexVocabulary {
  /** Traditional or variant character → simplified: the complete table. */
  traditional: ReadonlyMap<string, string>;
  /** Character → toneless pinyin, for common characters and every character of the vocabulary. */
  pinyin: ReadonlyMap<string, string>;
  /** The site's words (titles, headings, indicator names and aliases, units, people…), as written. */
  words: Iterable<string>;
  /** Everyday word → the documents' terms, as written. */
  synonyms: Record<string, string[]>;
  /** Another name of an indicator → its own name, as written. */
  names: Record<string, string>;
  /** The words pinyin input may stand for, with their syllables, the most central first. */
  pinyinTerms?: readonly PinyinTerm[];
  /** The structured records answer cards are drawn from. */
  answers?: AnswerRecords;
  /** Everyday word → the site's words of the same sense (related-words.ts), as written. */
  related?: Record<string, string[]>;
}

/* ---------- grams and postings ---------- */

/** What `\s` matches, by code point: the index build reads every character of the site. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Grams are keyed by number while building: a character's code point, or a pair's two combined. */
const PAIR = 0x110000;
const gramText = (key: number) => (key < PAIR ? String.fromCodePoint(key) : String.fromCodePoint(Math.floor(key / PAIR), key % PAIR));

/** Record ids (ascending) as gaps in variable-length bytes, or as a bitmap, whichever is shorter. */
class PostingWriter {
  bytes = new Uint8Array(8);
  length = 0;
  last = -1;
  count = 0;
  add(id: number): void {
    let gap = id - this.last - 1;
    this.last = id;
    this.count += 1;
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (gap >= 128) {
      this.bytes[this.length++] = (gap & 127) | 128;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }
  encode(records: number): string {
    const bitmapLength = Math.ceil(records / 8);
    if (this.length <= bitmapLength) return `v${toBase64(this.bytes.subarray(0, this.length))}`;
    const bitmap = new Uint8Array(bitmapLength);
    forEachGapId(this.bytes.subarray(0, this.length), (id) => (bitmap[id >> 3]! |= 1 << (id & 7)));
    return `b${toBase64(bitmap)}`;
  }
}

function forEachGapId(bytes: Uint8Array, visit: (id: number) => void): void {
  let last = -1;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap |= (byte & 127) << shift;
    if (byte & 128) shift += 7;
    else {
      last += gap + 1;
      visit(last);
      gap = 0;
      shift = 0;
    }
  }
}

export function decodePosting(encoded: string): number[] {
  const bytes = fromBase64(encoded.slice(1));
  const ids: number[] = [];
  if (encoded[0] === 'v') {
    forEachGapId(bytes, (id) => ids.push(id));
    return ids;
  }
  for (let i = 0; i < bytes.length; i++) for (let bit = 0; bit < 8; bit++) if (bytes[i]! & (1 << bit)) ids.push(i * 8 + bit);
  return ids;
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/* ---------- building ---------- */

/** Records in index order: by kind (in the order given), region, newest year, newest date, URL. */
export function orderRecords(records: readonly IndexedRecord[], kindOrder: readonly string[]): IndexedRecord[] {
  const rank = (kind: string) => (kindOrder.indexOf(kind) + kindOrder.length + 1) % (kindOrder.length + 1);
  return [...records].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      a.regions.join('、').localeCompare(b.regions.join('、')) ||
      (b.year ?? '').localeCompare(a.year ?? '') ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.url.localeCompare(b.url),
  );
}

/**
 * Writes every file of the index through `write` (a path below the index
 * directory, its text) as soon as it is ready, so the index is never held in
 * memory whole; returns the number of files. Records must be in index order.
 */
export function buildSearchIndex(records: readonly IndexedRecord[], vocabulary: IndexVocabulary, write: (path: string, text: string) => void): number {
  let files = 0;
  const emit = (path: string, text: string) => {
    write(path, text);
    files += 1;
  };
  const traditional = (ch: string) => vocabulary.traditional.get(ch);
  const fold = textFolder(traditional);
  const folded = new Map<number, number>();
  const foldCode = (c: number) => {
    let f = folded.get(c);
    if (f === undefined) folded.set(c, (f = foldChar(String.fromCodePoint(c), traditional).codePointAt(0)!));
    return f;
  };
  const punctuation = new Map<number, boolean>();
  const skipped = (c: number) => {
    let p = punctuation.get(c);
    if (p === undefined) punctuation.set(c, (p = isNamePunctuation(String.fromCodePoint(c))));
    return p;
  };
  // Every character and adjacent pair of the folded text, none spanning whitespace, name punctuation skipped; a record is added once per gram.
  const addGrams = (postings: Map<number, PostingWriter>, text: string, id: number) => {
    const put = (key: number) => {
      let writer = postings.get(key);
      if (!writer) postings.set(key, (writer = new PostingWriter()));
      if (writer.last !== id) writer.add(id);
    };
    let previous = -1;
    for (const ch of text) {
      const c = foldCode(ch.codePointAt(0)!);
      if (isSpace(c)) {
        previous = -1;
        continue;
      }
      if (skipped(c)) continue;
      put(c);
      if (previous >= 0) put(previous * PAIR + c);
      previous = c;
    }
  };
  const inText = new Map<number, PostingWriter>();
  const inTitle = new Map<number, PostingWriter>();
  const kinds: string[] = [];
  const regionSets: string[][] = [];
  const regionSetIds = new Map<string, number>();
  const runs: number[] = [];
  let totalLength = 0;
  records.forEach((record, id) => {
    totalLength += Array.from(record.text).length;
    addGrams(inText, record.title, id);
    addGrams(inText, record.text, id);
    addGrams(inTitle, record.title, id);

    if (!kinds.includes(record.kind)) kinds.push(record.kind);
    const regionKey = record.regions.join('\u0001');
    if (!regionSetIds.has(regionKey)) regionSetIds.set(regionKey, regionSets.push([...record.regions]) - 1);
    const run = [kinds.indexOf(record.kind), regionSetIds.get(regionKey)!, Number(record.year ?? 0)];
    const at = runs.length - 4;
    if (at >= 0 && runs[at] === run[0] && runs[at + 1] === run[1] && runs[at + 2] === run[2]) runs[at + 3]! += 1;
    else runs.push(...run, 1);
  });

  for (let chunk = 0; chunk * CHUNK_SIZE < records.length; chunk++)
    emit(`records/${chunk}.json`, JSON.stringify(records.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE)));

  // Vocabulary words, folded and squeezed like the text, by their first pair and by the pinyin of their first two characters.
  const pinyinOf = (ch: string) => vocabulary.pinyin.get(ch);
  const byPair = new Map<string, Set<string>>();
  const byPinyin = new Map<string, Set<string>>();
  const file = (map: Map<string, Set<string>>, key: string, word: string) => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(word);
  };
  for (const written of vocabulary.words) {
    const word = squeeze(fold(written)).text.replace(/\s+/g, '');
    const chars = Array.from(word);
    if (chars.length < 2 || chars.length > 16) continue;
    file(byPair, chars[0]! + chars[1]!, word);
    const key = pinyinKey(word, pinyinOf);
    const reading = wordPinyin(word, pinyinOf);
    // Filed with its whole pinyin, so a query needs the pinyin only of its own characters.
    if (key && reading) file(byPinyin, key, `${word}:${reading.replaceAll(' ', '-')}`);
  }
  const relatedByPair = new Map<string, [string, string[]][]>();
  for (const [written, terms] of Object.entries(vocabulary.related ?? {})) {
    const word = squeeze(fold(written)).text;
    const chars = Array.from(word);
    if (chars.length < 2) continue;
    const pair = chars[0]! + chars[1]!;
    if (!relatedByPair.has(pair)) relatedByPair.set(pair, []);
    relatedByPair.get(pair)!.push([word, terms.map((t) => squeeze(fold(t)).text)]);
  }
  const encoded = [
    ...[...relatedByPair].map(([pair, entries]) => [RELATED + pair, encodeRelated(entries)] as const),
    ...[...inText].map(([key, writer]) => [gramText(key), writer.encode(records.length)] as const),
    ...[...inTitle].map(([key, writer]) => [TITLE + gramText(key), writer.encode(records.length)] as const),
    ...[...byPair].map(([pair, words]) => [WORDS + pair, [...words].sort().join(' ')] as const),
    ...[...byPinyin].map(([key, words]) => [PINYIN + key, [...words].sort().join(' ')] as const),
  ];
  // Characters of the site by pinyin, most frequent first: a typo's homophones.
  const homophones = new Map<string, { ch: string; count: number }[]>();
  for (const [key, writer] of inText) {
    if (key >= PAIR) continue;
    const ch = String.fromCodePoint(key);
    const reading = vocabulary.pinyin.get(ch);
    if (!reading) continue;
    if (!homophones.has(reading)) homophones.set(reading, []);
    homophones.get(reading)!.push({ ch, count: writer.count });
  }
  const homophoneFiles = Array.from({ length: CHARACTER_SHARDS }, () => ({}) as Record<string, string>);
  for (const [reading, chars] of [...homophones].sort(([a], [b]) => (a < b ? -1 : 1)))
    homophoneFiles[gramShard(reading, CHARACTER_SHARDS)]![reading] = chars.sort((a, b) => b.count - a.count || (a.ch < b.ch ? -1 : 1)).map((c) => c.ch).join('');
  homophoneFiles.forEach((entries, n) => emit(`chars/homophones-${n}.json`, JSON.stringify(entries)));
  if (vocabulary.pinyinTerms) emit(PINYIN_TERMS_FILE, encodePinyinTerms(vocabulary.pinyinTerms));
  if (vocabulary.answers) for (const [kind, list] of Object.entries(vocabulary.answers)) emit(answerFile(kind as AnswerKind), JSON.stringify(list));
  inText.clear();
  inTitle.clear();
  const shortLength = encoded.reduce((sum, [gram, e]) => sum + (e.length > LONG_POSTING ? 0 : gram.length + e.length + 6), 0);
  const shards = Math.max(1, Math.ceil(shortLength / SHARD_TARGET));
  const shardEntries = Array.from({ length: shards }, () => [] as [string, string][]);
  let long = 0;
  for (const [gram, e] of encoded) {
    if (e.length > LONG_POSTING && !gram.startsWith(WORDS) && !gram.startsWith(PINYIN) && !gram.startsWith(RELATED)) {
      emit(`grams/long-${long}.txt`, e);
      shardEntries[gramShard(gram, shards)]!.push([gram, `@${long++}`]);
    } else shardEntries[gramShard(gram, shards)]!.push([gram, e]);
  }
  shardEntries.forEach((entries, n) => emit(`grams/${n}.json`, JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1))))));

  const tables = {
    traditional: splitCharacterTable(vocabulary.traditional, CHARACTER_SHARDS, true),
    pinyin: splitCharacterTable(vocabulary.pinyin, CHARACTER_SHARDS, false),
  };
  for (const [name, table] of Object.entries(tables)) table.files.forEach((entries, n) => emit(`chars/${name}-${n}.json`, JSON.stringify(entries)));
  const names: Record<string, string> = {};
  for (const [other, name] of Object.entries(vocabulary.names)) {
    const key = squeeze(fold(other)).text;
    const value = squeeze(fold(name)).text;
    if (key !== value) names[key] = value;
  }
  const synonyms: Record<string, string[]> = {};
  for (const [word, terms] of Object.entries(vocabulary.synonyms)) {
    const key = squeeze(fold(word)).text;
    synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...terms.map((t) => squeeze(fold(t)).text)])].filter((t) => t !== key);
  }
  const meta: SearchIndexMeta = {
    version: SEARCH_INDEX_VERSION,
    records: records.length,
    averageLength: Math.round(totalLength / Math.max(1, records.length)),
    chunkSize: CHUNK_SIZE,
    shards,
    synonyms,
    names,
    traditional: tables.traditional.meta,
    pinyin: tables.pinyin.meta,
    kinds,
    regionSets,
    runs,
  };
  emit('meta.json', JSON.stringify(meta));
  return files;
}

/* ---------- querying ---------- */

/** Kind, regions and year of every record, from the runs in the meta file. */
export function recordFacets(meta: SearchIndexMeta): FacetedRecord[] {
  const out: FacetedRecord[] = [];
  for (let i = 0; i < meta.runs.length; i += 4) {
    const facets = { kind: meta.kinds[meta.runs[i]!]!, regions: meta.regionSets[meta.runs[i + 1]!]!, year: meta.runs[i + 2] ? String(meta.runs[i + 2]) : undefined };
    for (let n = 0; n < meta.runs[i + 3]!; n++) out.push(facets);
  }
  return out;
}

export interface ShardedSearchResponse extends SearchResponse {
  /** False when only the best-placed candidates were checked: `total` and facet counts are then estimates. */
  complete: boolean;
  /** How the query was understood: phrases, words, regions, dropped words, other forms. */
  plan: QueryPlan;
  /** Corrections of mistyped words, from the site's vocabulary: shown as 您是不是要找. */
  suggestions: Correction[];
  /** Latin input read as pinyin: what was typed, the words searched, other readings to offer. */
  pinyin: PinyinSearched[];
  /** The answer the site's records hold for the query, when exactly one fits. */
  card?: AnswerCard | undefined;
}

export interface PinyinSearched {
  typed: string;
  readAs: string[];
  others: string[][];
}

/** The answer records of one kind, read only when a query may be answered from them. */
export const answerFile = (kind: AnswerKind) => `answers/${kind}.json`;

/** An index built by another version of the site: its files cannot be read by this code. */
export class SearchIndexVersionError extends Error {
  constructor(found: unknown) {
    super(`搜索索引的版本（${String(found)}）与本页面的搜索程序（版本 ${SEARCH_INDEX_VERSION}）不一致：请刷新页面；若仍出现，请重新生成网站（npm run build）。`);
    this.name = 'SearchIndexVersionError';
  }
}

/** Where an index's files come from. */
export interface SearchIndexSource {
  meta: SearchIndexMeta;
  /** A path below the index directory → the file's text. */
  load: (path: string) => Promise<string>;
  /** Record files read for one query at most (MAX_CHUNKS_PER_QUERY). */
  maxChunks?: number;
  /** Word segmentation for text the vocabulary does not cover (Intl.Segmenter where available). */
  segment?: ((text: string) => string[]) | undefined;
}

/** An index opened for searching: the files it has read are parsed once and kept for the next queries. */
export interface SearchIndex extends SearchIndexSource {
  facets: FacetedRecord[];
  maxChunks: number;
  traditional: ReturnType<typeof characterTableReader>;
  pinyin: ReturnType<typeof characterTableReader>;
  /** The entry of a key in its gram shard. */
  entry: (key: string) => Promise<string | undefined>;
  /** The characters of the site read `reading`, the most frequent first. */
  homophones: (reading: string) => Promise<string[]>;
  /** The site's words with their pinyin (loaded on the first Latin query). */
  pinyinTerms: () => Promise<PinyinTerm[]>;
  /** The answer records of one kind (read once). */
  answers: <K extends AnswerKind>(kind: K) => Promise<AnswerRecords[K]>;
}

/** The word segmenter of the JavaScript runtime, when it has one. */
export function runtimeSegmenter(): ((text: string) => string[]) | undefined {
  if (typeof Intl === 'undefined' || !('Segmenter' in Intl)) return undefined;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => Array.from(segmenter.segment(text), (s) => s.segment);
}

/** A JSON file of the index, read and parsed once. */
function parsedFiles<T>(load: (path: string) => Promise<string>): (path: string) => Promise<T> {
  const parsed = new Map<string, Promise<T>>();
  return (path) => {
    let file = parsed.get(path);
    if (!file) {
      file = load(path).then((text) => JSON.parse(text) as T);
      // A failed read is not remembered, so the next query tries again.
      file.catch(() => parsed.delete(path));
      parsed.set(path, file);
    }
    return file;
  };
}

/** Opens an index; throws SearchIndexVersionError when its files were written by another version. */
export function openSearchIndex(source: SearchIndexSource): SearchIndex {
  const { meta, load } = source;
  if (meta?.version !== SEARCH_INDEX_VERSION) throw new SearchIndexVersionError(meta?.version);
  let pinyinTerms: Promise<PinyinTerm[]> | undefined;
  const json = parsedFiles<Record<string, string>>(load);
  const tableReader = (name: 'traditional' | 'pinyin') => characterTableReader(meta[name], (n) => json(`chars/${name}-${n}.json`));
  return {
    ...source,
    facets: recordFacets(meta),
    maxChunks: source.maxChunks ?? MAX_CHUNKS_PER_QUERY,
    traditional: tableReader('traditional'),
    pinyin: tableReader('pinyin'),
    entry: async (key) => (await json(`grams/${gramShard(key, meta.shards)}.json`))[key],
    homophones: async (reading) => Array.from((await json(`chars/homophones-${gramShard(reading, CHARACTER_SHARDS)}.json`))[reading] ?? ''),
    answers: (kind) => json(answerFile(kind)) as unknown as Promise<never>,
    pinyinTerms: () => {
      pinyinTerms ??= load(PINYIN_TERMS_FILE).then(decodePinyinTerms, () => []);
      return pinyinTerms;
    },
  };
}

/**
 * Searches an opened index: query understanding, candidates by character
 * pairs, typo corrections, ranking from exact to approximate.
 */
export async function queryShardedIndex(index: SearchIndex, query: string, options: SearchOptions = {}): Promise<ShardedSearchResponse> {
  const { meta, facets, load, maxChunks, traditional, pinyin, entry, homophones } = index;
  await traditional.prepare(Array.from(query).flatMap((ch) => [ch, ch.normalize('NFKC')]));
  const fold = textFolder(traditional.get);

  const postings = new Map<string, Promise<number[]>>();
  const posting = (key: string): Promise<number[]> => {
    if (!postings.has(key))
      postings.set(
        key,
        entry(key).then(async (e) => (e === undefined ? [] : decodePosting(e.startsWith('@') ? await load(`grams/long-${e.slice(1)}.txt`) : e))),
      );
    return postings.get(key)!;
  };
  const wordLists = new Map<string, string[]>();
  const words = async (key: string) => {
    if (!wordLists.has(key)) wordLists.set(key, ((await entry(key)) ?? '').split(' ').filter(Boolean));
    return wordLists.get(key)!;
  };

  const holders = async (term: string) => (await Promise.all(termGrams(term).map(posting))).reduce((a, b) => intersect(a, b));
  // Latin no record holds as typed is read as pinyin of the site's words: zwfw → 政务服务.
  const pinyinSearched: PinyinSearched[] = [];
  let asTyped = fold(query);
  for (const run of latinRuns(asTyped)) {
    const held = await Promise.all(run.split(/[\s']+/).map(async (word) => (await holders(word)).length > 0));
    if (held.every(Boolean)) continue;
    const [best, ...others] = readPinyin(run, await index.pinyinTerms());
    if (!best) continue;
    pinyinSearched.push({ typed: run, readAs: best.words, others: others.map((r) => r.words) });
    asTyped = asTyped.replace(run, ` ${best.words.join(' ')} `);
  }

  // The vocabulary words starting at each pair of the query, read with the pairs' postings.
  const folded = asTyped;
  const pairs = [...new Set(Array.from(squeeze(folded).text.replace(/\s+/g, '')).flatMap((_, i, chars) => (i + 1 < chars.length ? [chars[i]! + chars[i + 1]!] : [])))];
  await Promise.all(pairs.flatMap((pair) => [words(WORDS + pair), posting(pair)]));
  const vocabulary = new Set(pairs.flatMap((pair) => wordLists.get(WORDS + pair)!));
  // Everyday words of the general wordnet the query holds, from the shards its pairs already brought.
  const squeezedQuery = squeeze(folded).text.replace(/\s+/g, '');
  const related: Record<string, string[]> = {};
  for (const pair of pairs) for (const [word, terms] of decodeRelated(await entry(RELATED + pair))) if (squeezedQuery.includes(word)) related[word] = terms;
  const plan = planQuery(folded, {
    isWord: (word) => vocabulary.has(word) || word in related,
    related,
    synonyms: meta.synonyms,
    names: meta.names,
    regions: [...new Set(meta.regionSets.flat())],
    segment: index.segment,
  });

  // Typos: a word or phrase no record holds whole, corrected from the vocabulary (same pinyin, or one
  // character off); failing that, the character whose pairs the index lacks replaced by a homophone the site uses.
  const suggestions: Correction[] = [];
  const correct = async (terms: readonly string[]): Promise<boolean> => {
    let changed = false;
    for (const term of terms) {
      const chars = Array.from(term);
      if (chars.length < 2 || chars.length > MAX_TYPO_TERM || plan.alternatives[term] || plan.names[term] || plan.related?.[term]) continue;
      await pinyin.prepare(chars);
      const keys = chars.slice(0, -1).map((ch, i) => pinyinKey(ch + chars[i + 1]!, pinyin.get)).filter((k): k is string => Boolean(k));
      await Promise.all(keys.map((k) => words(PINYIN + k)));
      // Entries are word:pin-yin; the words' readings join the query's own.
      const readings = new Map<string, string>();
      const byPinyin = (k: string) =>
        (wordLists.get(PINYIN + k) ?? []).map((entry) => {
          const [word, reading] = entry.split(':') as [string, string];
          Array.from(word).forEach((ch, i) => readings.set(ch, reading.split('-')[i]!));
          return word;
        });
      keys.forEach(byPinyin);
      const readingOf = (ch: string) => pinyin.get(ch) ?? readings.get(ch);
      const fixed = new Set<string>();
      for (const c of corrections(term, readingOf, byPinyin, (pair) => wordLists.get(WORDS + pair) ?? [])) {
        const corrected = term.replace(c.from, c.to);
        if (!fixed.has(corrected) && (await holders(corrected)).length > 0) fixed.add(corrected);
      }
      if (fixed.size === 0) {
        const missing = await Promise.all(chars.map(async (_, i) => (i > 0 && (await posting(chars[i - 1]! + chars[i]!)).length === 0 ? 1 : 0) + (i + 1 < chars.length && (await posting(chars[i]! + chars[i + 1]!)).length === 0 ? 1 : 0)));
        const worst = Math.max(...missing);
        for (const [i, ch] of chars.entries()) {
          const reading = pinyin.get(ch);
          if (worst === 0 || missing[i] !== worst || !reading) continue;
          for (const other of (await homophones(reading)).filter((h) => h !== ch).slice(0, MAX_HOMOPHONES)) {
            const corrected = [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
            if ((await holders(corrected)).length > 0) fixed.add(corrected);
          }
        }
      }
      if (fixed.size === 0) continue;
      plan.alternatives[term] = [...fixed];
      for (const to of fixed) if (!suggestions.some((s) => s.to === to)) suggestions.push({ from: term, to });
      changed = true;
    }
    return changed;
  };
  // Terms whose pairs no record holds all of are corrected before searching; terms found nowhere whole, after.
  const allTerms = [...new Set([...plan.phrases, ...plan.words])];
  const absent = (await Promise.all(allTerms.map(async (t) => ((await holders(t)).length === 0 ? t : undefined)))).filter((t): t is string => Boolean(t));
  await correct(absent);
  const answering = answerCard();
  const first = await rank();
  const response = first.exact || first.unmatched.length === 0 || !(await correct(first.unmatched)) ? first : await rank();
  return { ...response, card: await answering };

  /** The card from the records of the kinds the query may ask for, read beside the ranking. */
  async function answerCard(): Promise<AnswerCard | undefined> {
    const query = { text: answerKey(folded), regions: plan.regions, otherForms: [...Object.values(plan.alternatives).flat(), ...Object.values(plan.names)] };
    const kinds = askedKinds(query);
    try {
      const records = Object.fromEntries(await Promise.all(kinds.map(async (kind) => [kind, await index.answers(kind)] as const))) as Partial<AnswerRecords>;
      return chooseAnswerCard(query, records);
    } catch {
      // An index without answer files (or a failed read) shows the results without a card.
      return undefined;
    }
  }

  async function rank(): Promise<ShardedSearchResponse> {
    // Postings of every pair of the phrases, words and their other forms: candidates and BM25's document frequencies.
    const grams = planGrams(plan);
    const [text, title] = await Promise.all([Promise.all(grams.map(posting)), Promise.all(grams.map((g) => posting(TITLE + g)))]);
    const documentFrequency = new Map(grams.map((g, i) => [g, text[i]!.length]));
    const statistics = { records: meta.records, averageLength: meta.averageLength, documentFrequency: (g: string) => documentFrequency.get(g) ?? 0 };
    const inTitle = new Set(title.flat());
    const inRegion = (id: number) => plan.regions.length > 0 && facets[id]!.regions.some((r) => plan.regions.includes(r));
    const filters = activeFilters(options);
    const passes = (id: number) => passesFilters(facets[id]!, filters);

    // Exact: the records holding every pair of every phrase (in some form) may hold the query whole.
    const holdersOfAny = async (term: string) => [...new Set((await Promise.all(formsOf(plan, term).map(holders))).flat())].sort((a, b) => a - b);
    const phraseHolders = plan.phrases.length === 0 ? [] : (await Promise.all(plan.phrases.map(holdersOfAny))).reduce((a, b) => intersect(a, b));
    if (phraseHolders.length > 0) {
      const ordered = phraseHolders.sort(
        (a, b) =>
          Number(inRegion(b)) - Number(inRegion(a)) ||
          Number(inTitle.has(b)) - Number(inTitle.has(a)) ||
          (facets[b]!.year ?? '').localeCompare(facets[a]!.year ?? '') ||
          a - b,
      );
      const response = await check(ordered, maxChunks, statistics, passes);
      if (response.exact) return response;
    }

    // Approximate: records by the rarity of the query's pairs they hold, those holding a word whole and those of the region first.
    const weight = new Map<number, number>();
    text.forEach((ids) => {
      const idf = Math.log(1 + meta.records / (1 + ids.length));
      for (const id of ids) weight.set(id, (weight.get(id) ?? 0) + idf);
    });
    const wordHolders = new Set((await Promise.all(plan.words.map(holdersOfAny))).flat());
    let best = 0;
    for (const w of weight.values()) best = Math.max(best, w);
    const ordered = [...weight.keys()]
      .filter((id) => wordHolders.has(id) || weight.get(id)! >= 0.5 * best)
      .sort(
        (a, b) =>
          Number(inRegion(b)) - Number(inRegion(a)) ||
          Number(wordHolders.has(b)) - Number(wordHolders.has(a)) ||
          weight.get(b)! - weight.get(a)! ||
          a - b,
      )
      .slice(0, APPROXIMATE_RECORDS);
    return check(ordered, APPROXIMATE_CHUNKS, statistics, passes);
  }

  /** Ranks the candidates (best-placed first), reading at most `limit` chunks of them. */
  async function check(ordered: readonly number[], limit: number, statistics: Parameters<typeof findRecords>[2], passes: (id: number) => boolean): Promise<ShardedSearchResponse> {
    const chunkOf = (id: number) => Math.floor(id / meta.chunkSize);
    const readChunks = async (chunks: readonly number[], keep: ReadonlySet<number>): Promise<PreparedRecord[]> => {
      const loaded = await Promise.all(chunks.map(async (chunk) => ({ chunk, records: JSON.parse(await load(`records/${chunk}.json`)) as IndexedRecord[] })));
      return loaded.flatMap(({ chunk, records }) => prepareRecords(records.filter((_, i) => keep.has(chunk * meta.chunkSize + i)), fold));
    };
    const all = [...new Set(ordered.map(chunkOf))];
    if (all.length <= limit) return { ...findRecords(await readChunks(all, new Set(ordered)), plan, statistics, options), complete: true, plan, suggestions, pinyin: pinyinSearched };
    // Too many to check: the best-placed that pass the filters, each kind (policies, briefings, task rows…) in turn,
    // so one kind's many candidates cannot crowd out the others.
    const kept = ordered.filter(passes);
    const queues = [...groupBy(kept, (id) => facets[id]!.kind).values()].map((ids) => [...new Set(ids.map(chunkOf))]);
    const chosen = new Set<number>();
    for (let round = 0; chosen.size < limit && queues.some((q) => round < q.length); round++)
      for (const queue of queues) if (round < queue.length && chosen.size < limit) chosen.add(queue[round]!);
    const response = findRecords(await readChunks([...chosen], new Set(kept)), plan, statistics, options);
    // Counts from the candidates, not all checked.
    const estimate = { ...countFacets(ordered.map((id) => facets[id]!)), indicator: response.facets.indicator };
    return { ...response, total: Math.max(response.total, kept.length), facets: estimate, complete: false, plan, suggestions, pinyin: pinyinSearched };
  }
}
