/**
 * The search index's files, shared by the writer (build only,
 * search-index-writer.ts) and the reader (browser and tests,
 * search-shards.ts), so that a query downloads only what it needs however
 * large the site grows. Pure.
 *
 * - `meta.json`: version, record count and average length (for BM25),
 *   indicators' other names, region names, how the character tables are split, and the
 *   kind, regions and year of every record as runs (records are ordered by
 *   kind, region, year), so facet counts and filters need no record text.
 *   Records are numbered in that order, but each group of one kind and
 *   regions starts at a round number (index-layout.ts
 *   `recordNumbers`), so a publication renumbers its own group only; the
 *   numbers left unused between groups are runs of their own.
 * - `grams/<n>.json`: for every character and every pair of adjacent
 *   characters in the folded text (name punctuation skipped), the records
 *   containing it (a posting), sharded by a hash of the gram; long postings
 *   get a file of their own (`grams/long-<shard>-<n>.txt`). Beside a pair's postings
 *   in the same shard: its postings in titles only (key \u0000 + pair), the
 *   vocabulary words starting with it (key \u0001 + pair) and the everyday
 *   words of the general wordnet starting with it (key \u0003 + pair) and the
 *   everyday words of the synonyms dataset starting with it (key \u0005 +
 *   pair), so splitting a run-together query and finding its everyday words
 *   costs no extra file, however long the synonyms dataset grows. Vocabulary words by
 *   the pinyin of their first two characters are keyed \u0002 + pinyin, for typos.
 * - `chars/traditional-<n>.json`, `chars/pinyin-<n>.json`: the complete
 *   traditional/variant → simplified table and the pinyin of common
 *   characters, split by code point (see character-tables.ts); a query reads
 *   only the parts its characters need, and only when it needs them.
 * - `records/<n>.json`: the records numbered n × CHUNK_SIZE onwards, at
 *   most CHUNK_SIZE; a file of unused numbers only is not written.
 * - `pinyin-terms.txt`: the site's words with their pinyin, read only when a
 *   query has Latin letters (pinyin-reading.ts).
 * - `answers/<kind>.json`: the structured records answer cards are drawn
 *   from, read only when a query may ask for that kind (answer-cards.ts):
 *   the names of targets and trackers are in the gram shards under their
 *   pairs (key \u0004 + pair), so a query learns for free whether it names
 *   one. Each kind's records are split into `answers/<kind>-<n>.json` by a
 *   hash of their key (region, tracker or target name, document number), so
 *   a query reads only the records of what it names, however many regions.
 */
import type { CharacterTableMeta } from './character-tables.ts';
import type { AnswerKind } from './answer-records.ts';

export const SEARCH_INDEX_VERSION = 6;
/** Where the index files are published, below the site root. */
export const SEARCH_INDEX_DIR = 'search-index';
/** Records to a file: candidates are scattered, so a small file carries few records the query does not need. */
export const CHUNK_SIZE = 16;
/**
 * Record files' worth of records read for one query at most (CHUNK_SIZE records each; search-shards.ts counts the
 * records, as a group's last file is part-filled): about 70 KB compressed on today's content, 165 KB at province scale.
 */
export const MAX_CHUNKS_PER_QUERY = 16;
export const TITLE = '\u0000';
export const WORDS = '\u0001';
export const PINYIN = '\u0002';
/** Everyday words from the general wordnet, filed under their first pair (so in the pair's shard): word=site word,… */
export const RELATED = '\u0003';
/** Names of targets (t:) and trackers (f:) the answer records hold, filed under every pair they hold, so a query knows which answer files to read. */
export const ANSWER_NAMES = '\u0004';
/** Everyday words of the synonyms dataset, filed under their first pair like the wordnet's: word=document term,… */
export const SYNONYMS = '\u0005';
export const CHARACTER_SHARDS = 16;
/** The site's words with their pinyin, read only when a query has Latin letters. */
export const PINYIN_TERMS_FILE = 'pinyin-terms.txt';

export interface SearchIndexMeta {
  version: number;
  records: number;
  /** Mean length of the records' text, for BM25. */
  averageLength: number;
  chunkSize: number;
  shards: number;
  /** Another name of an indicator → its own name, folded. */
  names: Record<string, string>;
  traditional: CharacterTableMeta;
  pinyin: CharacterTableMeta;
  kinds: string[];
  regionSets: string[][];
  /** Runs of records sharing kind, regions and year, flattened: [kind, regionSet, year or 0, length]…; kind UNUSED_NUMBERS for numbers no record has. */
  runs: number[];
  /** How many files each kind of answer record is split into (answerFile). */
  answerShards?: Partial<Record<AnswerKind, number>>;
}

/** The kind of a run of numbers no record has (`SearchIndexMeta.runs`). */
export const UNUSED_NUMBERS = -1;

/** The answer records of one kind, read only when a query may be answered from them. */
export const answerFile = (kind: AnswerKind, shard: number) => `answers/${kind}-${shard}.json`;

/** An index built by another version of the site: its files cannot be read by this code. */
export class SearchIndexVersionError extends Error {
  constructor(found: unknown) {
    super(
      `搜索索引的版本（${String(found)}）与本页面的搜索程序（版本 ${SEARCH_INDEX_VERSION}）不一致：请刷新页面；若仍出现，请重新生成网站（npm run build）。`,
    );
    this.name = 'SearchIndexVersionError';
  }
}
