/**
 * The search index split into small files, so that a query downloads only
 * what it needs however large the site grows. Pure: the build hands each
 * file to a `write(path, text)` function; the browser (and the tests) read
 * them through a `load(path)` function.
 *
 * - `meta.json`: the query vocabulary, and the kind, regions and year of
 *   every record as runs (records are ordered by kind, region, year), so
 *   facet counts and filters need no record text.
 * - `grams/<n>.json`: for every character and every pair of adjacent
 *   characters in the folded text, the records containing it (a posting),
 *   sharded by a hash of the gram; long postings get a file of their own
 *   (`grams/long-<n>.txt`). Title grams are kept apart too, keyed with a
 *   leading \u0000, so records naming the terms in their title are read first.
 * - `records/<n>.json`: the records themselves, CHUNK_SIZE to a file.
 *
 * A query term's candidates are the records holding all of its grams; the
 * candidates' chunks are then read and every term checked as a whole phrase
 * by lib/phrase-search.ts, which also ranks. When there are more candidate
 * chunks than MAX_CHUNKS_PER_QUERY, the best-placed candidates are checked
 * (each kind in turn; within a kind, title matches first, then the newest)
 * and the total is reported as an estimate.
 */
import { findRecords, prepareRecords, type Facet, type IndexedRecord, type PreparedRecord, type SearchOptions, type SearchResponse } from './phrase-search.ts';
import { foldChar, type QueryVocabulary } from './search-text.ts';
import { groupBy } from '../catalog.ts';

export const SEARCH_INDEX_VERSION = 2;
/** Where the index files are published, below the site root. */
export const SEARCH_INDEX_DIR = 'search-index';
export const CHUNK_SIZE = 32;
/** Record chunks read for one query at most: about 150 KB compressed at province scale. */
export const MAX_CHUNKS_PER_QUERY = 16;
/** Postings longer than this (encoded characters) get a file of their own. */
const LONG_POSTING = 2048;
/** Target size of a shard of short postings (characters). */
const SHARD_TARGET = 12_000;
const TITLE = '\u0000';

export interface SearchIndexMeta {
  version: number;
  records: number;
  chunkSize: number;
  shards: number;
  vocabulary: QueryVocabulary;
  kinds: string[];
  regionSets: string[][];
  /** Runs of records sharing kind, regions and year, flattened: [kind, regionSet, year or 0, length]… */
  runs: number[];
}

/* ---------- grams and postings ---------- */

/** What `\s` matches, by code point: the index build reads every character of the site. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Grams are keyed by number while building: a character's code point, or a pair's two combined. */
const PAIR = 0x110000;
const gramText = (key: number) => (key < PAIR ? String.fromCodePoint(key) : String.fromCodePoint(Math.floor(key / PAIR), key % PAIR));

/** The grams every record containing `term` must hold: its adjacent pairs, or the character itself. */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  return chars.length === 1 ? chars : chars.slice(1).map((ch, i) => chars[i]! + ch);
}

export function gramShard(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) hash = Math.imul(hash ^ gram.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

/** Bytes as base64 (btoa and atob exist in browsers and in Node), in slices to keep argument lists short. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

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
export function buildSearchIndex(
  records: readonly IndexedRecord[],
  vocabulary: QueryVocabulary,
  write: (path: string, text: string) => void,
): number {
  let files = 0;
  const emit = (path: string, text: string) => {
    write(path, text);
    files += 1;
  };
  const folded = new Map<number, number>();
  const foldCode = (c: number) => {
    let f = folded.get(c);
    if (f === undefined) folded.set(c, (f = foldChar(String.fromCodePoint(c), vocabulary.traditional).codePointAt(0)!));
    return f;
  };
  // Every character and adjacent pair of the folded text, none spanning whitespace; a record is added once per gram.
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
  records.forEach((record, id) => {
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

  const encoded = [
    ...[...inText].map(([key, writer]) => [gramText(key), writer.encode(records.length)] as const),
    ...[...inTitle].map(([key, writer]) => [TITLE + gramText(key), writer.encode(records.length)] as const),
  ];
  inText.clear();
  inTitle.clear();
  const shortLength = encoded.reduce((sum, [gram, e]) => sum + (e.length > LONG_POSTING ? 0 : gram.length + e.length + 6), 0);
  const shards = Math.max(1, Math.ceil(shortLength / SHARD_TARGET));
  const shardEntries = Array.from({ length: shards }, () => [] as [string, string][]);
  let long = 0;
  for (const [gram, e] of encoded) {
    if (e.length > LONG_POSTING) {
      emit(`grams/long-${long}.txt`, e);
      shardEntries[gramShard(gram, shards)]!.push([gram, `@${long++}`]);
    } else shardEntries[gramShard(gram, shards)]!.push([gram, e]);
  }
  shardEntries.forEach((entries, n) => emit(`grams/${n}.json`, JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1))))));

  const meta: SearchIndexMeta = { version: SEARCH_INDEX_VERSION, records: records.length, chunkSize: CHUNK_SIZE, shards, vocabulary, kinds, regionSets, runs };
  emit('meta.json', JSON.stringify(meta));
  return files;
}

/* ---------- querying ---------- */

interface RecordFacets {
  kind: string;
  regions: string[];
  year: string | undefined;
}

/** Kind, regions and year of every record, from the runs in the meta file. */
export function recordFacets(meta: SearchIndexMeta): RecordFacets[] {
  const out: RecordFacets[] = [];
  for (let i = 0; i < meta.runs.length; i += 4) {
    const facets = { kind: meta.kinds[meta.runs[i]!]!, regions: meta.regionSets[meta.runs[i + 1]!]!, year: meta.runs[i + 2] ? String(meta.runs[i + 2]) : undefined };
    for (let n = 0; n < meta.runs[i + 3]!; n++) out.push(facets);
  }
  return out;
}

export interface ShardedSearchResponse extends SearchResponse {
  /** False when only the best-placed candidates were checked: `total` and facet counts are then estimates. */
  complete: boolean;
}

/**
 * Searches the index through `load` (a path below the index directory → its
 * text). Same matching and ranking as findRecords over every record, when
 * the candidates fit in `maxChunks` chunks (MAX_CHUNKS_PER_QUERY).
 */
export async function queryShardedIndex(
  index: { meta: SearchIndexMeta; facets: RecordFacets[]; load: (path: string) => Promise<string>; maxChunks?: number },
  variants: readonly string[],
  fold: (text: string) => string,
  options: SearchOptions = {},
): Promise<ShardedSearchResponse> {
  const { meta, facets, load, maxChunks = MAX_CHUNKS_PER_QUERY } = index;
  const shardCache = new Map<number, Promise<Record<string, string>>>();
  const posting = async (gram: string): Promise<number[]> => {
    const shard = gramShard(gram, meta.shards);
    if (!shardCache.has(shard)) shardCache.set(shard, load(`grams/${shard}.json`).then((text) => JSON.parse(text) as Record<string, string>));
    const entry = (await shardCache.get(shard)!)[gram];
    if (entry === undefined) return [];
    return decodePosting(entry.startsWith('@') ? await load(`grams/long-${entry.slice(1)}.txt`) : entry);
  };
  const all = (lists: number[][]) => lists.reduce((a, b) => intersect(a, b));

  const candidates = new Set<number>();
  const inTitle = new Set<number>();
  for (const variant of variants) {
    const terms = variant.split(' ').filter(Boolean);
    if (terms.length === 0) continue;
    const grams = [...new Set(terms.flatMap(termGrams))];
    const [text, title] = await Promise.all([Promise.all(grams.map(posting)), Promise.all(grams.map((g) => posting(TITLE + g)))]);
    for (const id of all(text)) candidates.add(id);
    for (const id of all(title)) inTitle.add(id);
  }

  const chunkOf = (id: number) => Math.floor(id / meta.chunkSize);
  const readChunks = async (chunks: readonly number[], keep: ReadonlySet<number>): Promise<PreparedRecord[]> => {
    const loaded = await Promise.all(chunks.map(async (chunk) => ({ chunk, records: JSON.parse(await load(`records/${chunk}.json`)) as IndexedRecord[] })));
    return loaded.flatMap(({ chunk, records }) => prepareRecords(records.filter((_, i) => keep.has(chunk * meta.chunkSize + i)), fold));
  };

  const allChunks = [...new Set([...candidates].map(chunkOf))].sort((a, b) => a - b);
  if (allChunks.length <= maxChunks) return { ...findRecords(await readChunks(allChunks, candidates), variants, options), complete: true };

  // Too many to check: check the best-placed candidates that pass the filters.
  const filters = Object.entries(options.filters ?? {}).filter(([, v]) => v) as [Facet, string][];
  const passes = (id: number, facet: Facet, value: string) =>
    facet === 'kind' ? facets[id]!.kind === value : facet === 'region' ? facets[id]!.regions.includes(value) : facet === 'year' ? facets[id]!.year === value : true;
  const ordered = [...candidates]
    .filter((id) => filters.every(([facet, value]) => passes(id, facet, value)))
    .sort((a, b) => Number(inTitle.has(b)) - Number(inTitle.has(a)) || (facets[b]!.year ?? '').localeCompare(facets[a]!.year ?? '') || a - b);
  // Each kind (policies, briefings, task rows…) gets its turn, so one kind's many candidates cannot crowd out the others.
  const queues = [...groupBy(ordered, (id) => facets[id]!.kind).values()].map((ids) => [...new Set(ids.map(chunkOf))]);
  const best = new Set<number>();
  for (let round = 0; best.size < maxChunks && queues.some((q) => round < q.length); round++)
    for (const queue of queues) if (round < queue.length && best.size < maxChunks) best.add(queue[round]!);
  const response = findRecords(await readChunks([...best], new Set(ordered)), variants, options);
  // Counts from the candidates: every term's grams present, not all checked as whole phrases.
  const estimate = { kind: {}, region: {}, indicator: response.facets.indicator, year: {} } as SearchResponse['facets'];
  for (const id of candidates) {
    const f = facets[id]!;
    estimate.kind[f.kind] = (estimate.kind[f.kind] ?? 0) + 1;
    for (const region of f.regions) estimate.region[region] = (estimate.region[region] ?? 0) + 1;
    if (f.year) estimate.year[f.year] = (estimate.year[f.year] ?? 0) + 1;
  }
  return { hits: response.hits, total: Math.max(ordered.length, response.total), facets: estimate, complete: false };
}
