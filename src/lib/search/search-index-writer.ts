/**
 * Writes the search index (build only): every file described in
 * search-index-format.ts, handed to a `write(path, text)` function as soon
 * as it is ready, so the index is never held in memory whole. Pure.
 *
 * Besides the files, a build returns its state (`SearchIndexState`): what a
 * later build needs to update the index in place rather than build it again
 * (search-index-update.ts). The pieces both share are exported from here,
 * from gram-reader.ts and from vocabulary-files.ts.
 */
import { createHash } from 'node:crypto';
import type { IndexedRecord } from './phrase-search.ts';
import { textFolder } from './search-text.ts';
import { gramShard } from './grams.ts';
import { GramPostings } from './search-postings.ts';
import { recordNumbers, shardCount } from './index-layout.ts';
import { addRecordGrams, gramReader } from './gram-reader.ts';
import {
  foldingDigest,
  vocabularyEntries,
  writeHomophones,
  writeVocabularyFiles,
  type IndexFileWriter,
  type IndexVocabulary,
} from './vocabulary-files.ts';
import { ANSWER_NAMES, CHUNK_SIZE, PINYIN, RELATED, SYNONYMS, TITLE, WORDS } from './search-index-format.ts';

/** Postings longer than this (encoded characters) get a file of their own. */
const LONG_POSTING = 2048;
/**
 * Target size of a shard of short postings (characters). A query reads a shard for each character pair it
 * has, and needs one entry of it, so shards are small: about 1 KB compressed.
 */
const SHARD_TARGET = 2_000;

/**
 * What an index was built from and how it was laid out, beyond its files: enough for a later build to update
 * it for a publication (search-index-update.ts). Kept by the build beside the index, never published.
 */
export interface SearchIndexState {
  /** Digest of the index's meta.json, which ties the state to the files it describes. */
  meta: string;
  /** Digest of the traditional table, which decides how all text is folded. */
  folding: string;
  shards: number;
  /** Characters of the shards' short postings, which decide how many shards there are. */
  shortLength: number;
  /** Each group of one kind and regions, in index order. */
  groups: RecordGroupState[];
  /** The site's characters → how many records hold them: the order of a typo's homophones. */
  characters: [string, number][];
  /** The shard entries drawn from the vocabulary (its words, their pinyin, related words, synonyms, answer names). */
  entries: [string, string][];
}

export interface RecordGroupState {
  key: string;
  first: number;
  count: number;
  /** Digest of the group's record files. */
  digest: string;
  /** The characters of its records' text. */
  length: number;
}

/** Characters of a string as Array.from counts them (code points; a lone surrogate is one). */
function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

const groupKey = (record: Pick<IndexedRecord, 'kind' | 'regions'>) => `${record.kind}\u0000${record.regions.join('\u0001')}`;

/** The records of one group, by their place in index order, with their digest. */
export interface RecordGroup extends RecordGroupState {
  start: number;
  end: number;
}

/**
 * The record files of the records from `start` to `end` (one group's), in order: a group's records fill its
 * record files from its first number on, so a file holds the records of its first numbers, and of one group only.
 */
export function writeRecordFiles(
  records: readonly IndexedRecord[],
  numbers: readonly number[],
  start: number,
  end: number,
  emit: IndexFileWriter,
): void {
  for (let from = start; from < end;) {
    const chunk = Math.floor(numbers[from]! / CHUNK_SIZE);
    let to = from + 1;
    while (to < end && Math.floor(numbers[to]! / CHUNK_SIZE) === chunk) to++;
    emit(`records/${chunk}.json`, JSON.stringify(records.slice(from, to)));
    from = to;
  }
}

/** Digest of a group's record files, in order. */
export function groupDigest(texts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const text of texts) hash.update(text);
  return hash.digest('base64url');
}

/**
 * The groups of records in index order (index-layout.ts numbers them), each digested over its record files,
 * which go to `emit` when given: one group at a time, since all of a province's would take hundreds of megabytes.
 */
export function recordGroups(records: readonly IndexedRecord[], numbers: readonly number[], emit?: IndexFileWriter): RecordGroup[] {
  const groups: RecordGroup[] = [];
  for (let start = 0; start < records.length;) {
    const key = groupKey(records[start]!);
    let end = start + 1;
    while (end < records.length && groupKey(records[end]!) === key) end++;
    const texts: string[] = [];
    writeRecordFiles(records, numbers, start, end, (path, text) => {
      texts.push(text);
      emit?.(path, text);
    });
    let length = 0;
    for (let i = start; i < end; i++) length += codePointLength(records[i]!.text);
    groups.push({ key, first: numbers[start]!, count: end - start, digest: groupDigest(texts), length, start, end });
    start = end;
  }
  return groups;
}

/** What an entry adds to the shards' short postings (a long one goes to a file of its own). */
export const shortLengthOf = (key: string, value: string) => (value.length > LONG_POSTING ? 0 : key.length + value.length + 6);

/** How many shards entries of `shortLength` characters need. */
export const shardsFor = (shortLength: number) => shardCount(Math.ceil(shortLength / SHARD_TARGET));

/** Whether an entry is a posting (of the text or titles), which may be long, rather than a list of words. */
export const isPosting = (key: string) => ![WORDS, PINYIN, RELATED, SYNONYMS, ANSWER_NAMES].some((prefix) => key.startsWith(prefix));

/**
 * Writes shard `n` (its entries, any order) and its long postings' files; returns their paths. Long postings are
 * named by their shard and place in it, so a new long posting renames no other shard's.
 */
export function writeShard(n: number, entries: [string, string][], emit: IndexFileWriter): string[] {
  const paths: string[] = [];
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  let long = 0;
  for (const entry of entries)
    if (entry[1].length > LONG_POSTING && isPosting(entry[0])) {
      const path = `grams/long-${n}-${long}.txt`;
      emit(path, entry[1]);
      paths.push(path);
      entry[1] = `@${n}-${long++}`;
    }
  const path = `grams/${n}.json`;
  emit(path, JSON.stringify(Object.fromEntries(entries)));
  paths.push(path);
  return paths;
}
/** Mean characters of the records' text, for BM25. */
export const averageLength = (groups: readonly Pick<RecordGroupState, 'length' | 'count'>[]) => {
  let length = 0;
  let count = 0;
  for (const group of groups) {
    length += group.length;
    count += group.count;
  }
  return Math.round(length / Math.max(1, count));
};

/**
 * Writes every file of the index through `write` as soon as it is ready, so the index is never held in memory
 * whole; returns the number of files and the index's state. Records must be in index order.
 */
export function buildSearchIndex(
  records: readonly IndexedRecord[],
  vocabulary: IndexVocabulary,
  write: IndexFileWriter,
): { files: number; state: SearchIndexState } {
  let files = 0;
  const emit: IndexFileWriter = (path, text) => {
    write(path, text);
    files += 1;
  };
  const traditional = (ch: string) => vocabulary.traditional.get(ch);
  const fold = textFolder(traditional);
  const reader = gramReader(traditional);
  const inText = new GramPostings();
  const inTitle = new GramPostings();
  const numbers = recordNumbers(records);
  records.forEach((record, index) => addRecordGrams(reader, inText, inTitle, record, numbers[index]!));

  const groups = recordGroups(records, numbers, emit);

  const vocabularyEntryList = [...vocabularyEntries(vocabulary, fold)];
  const encoded: [string, string][] = [
    ...vocabularyEntryList,
    ...[...inText].map(([key, posting]) => [reader.text(key), posting.encode()] as [string, string]),
    ...[...inTitle].map(([key, posting]) => [TITLE + reader.text(key), posting.encode()] as [string, string]),
  ];
  const characters: [string, number][] = [];
  for (const [key, posting] of inText) if (reader.isCharacter(key)) characters.push([reader.text(key), posting.count]);
  writeHomophones(characters, vocabulary.pinyin, emit);
  inText.clear();
  inTitle.clear();
  const shortLength = encoded.reduce((sum, [key, value]) => sum + shortLengthOf(key, value), 0);
  const shards = shardsFor(shortLength);
  const shardEntries = Array.from({ length: shards }, () => [] as [string, string][]);
  for (const entry of encoded) shardEntries[gramShard(entry[0], shards)]!.push(entry);
  shardEntries.forEach((entries, n) => writeShard(n, entries, emit));

  const meta = writeVocabularyFiles(records, numbers, { shards, averageLength: averageLength(groups) }, vocabulary, fold, emit);
  return {
    files,
    state: {
      meta,
      folding: foldingDigest(vocabulary.traditional),
      shards,
      shortLength,
      groups: groups.map(({ key, first, count, digest, length }) => ({ key, first, count, digest, length })),
      characters,
      entries: vocabularyEntryList,
    },
  };
}
