/**
 * The search index's files and shard entries that follow from the vocabulary
 * and the records' facets rather than from the postings (build only): the
 * words by pair and by pinyin, related words, synonyms and answer names, the
 * homophones, the character tables, the answer files and meta.json. Shared by
 * the full build and the update. Pure.
 */
import { createHash } from 'node:crypto';
import type { IndexedRecord } from './phrase-search.ts';
import { squeeze } from './search-text.ts';
import { splitCharacterTable } from './character-tables.ts';
import { gramShard } from './grams.ts';
import { pinyinKey, wordPinyin } from './typo-corrections.ts';
import { answerNames, type AnswerKind, type AnswerRecords } from './answer-records.ts';
import { encodeRelated } from './related-words.ts';
import { encodePinyinTerms, type PinyinTerm } from './pinyin-reading.ts';
import { answerKey, answerKeys } from './answer-cards.ts';
import {
  ANSWER_NAMES,
  answerFile,
  CHARACTER_SHARDS,
  CHUNK_SIZE,
  PINYIN,
  PINYIN_TERMS_FILE,
  RELATED,
  SEARCH_INDEX_VERSION,
  SYNONYMS,
  UNUSED_NUMBERS,
  WORDS,
  type SearchIndexMeta,
} from './search-index-format.ts';

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

/** Writes one file of the index: its path below the index directory, its text. */
export type IndexFileWriter = (path: string, text: string) => void;

/** Target size of an answer file (characters of JSON): about 1.5 KB compressed. */
const ANSWER_SHARD_TARGET = 8_000;

/**
 * Words and their other forms (the wordnet's related words, the synonyms dataset's document terms), folded,
 * filed under each word's first pair: a query finds them in the shards its own pairs bring. A word of one
 * character has no pair and is left out (a query's words are of two characters or more).
 */
function formsByPair(
  forms: Readonly<Record<string, readonly string[]>>,
  fold: (text: string) => string,
): Map<string, [string, string[]][]> {
  const merged = new Map<string, Set<string>>();
  for (const [written, terms] of Object.entries(forms)) {
    const word = squeeze(fold(written)).text.replace(/\s+/g, '');
    if (Array.from(word).length < 2) continue;
    const set = merged.get(word) ?? new Set<string>();
    for (const term of terms) {
      const folded = squeeze(fold(term)).text.replace(/\s+/g, '');
      if (folded && folded !== word) set.add(folded);
    }
    merged.set(word, set);
  }
  const byPair = new Map<string, [string, string[]][]>();
  for (const [word, terms] of merged) {
    if (terms.size === 0) continue;
    const chars = Array.from(word);
    const pair = chars[0]! + chars[1]!;
    if (!byPair.has(pair)) byPair.set(pair, []);
    byPair.get(pair)!.push([word, [...terms]]);
  }
  return byPair;
}

/**
 * The shard entries drawn from the vocabulary rather than the records' postings: answer names, related words and
 * synonyms, and the site's words by their first pair and by the pinyin of their first two characters.
 */
export function vocabularyEntries(vocabulary: IndexVocabulary, fold: (text: string) => string): Map<string, string> {
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
  const namesByPair = new Map<string, Set<string>>();
  for (const { kind, name } of vocabulary.answers ? answerNames(vocabulary.answers) : []) {
    const key = answerKey(name, fold);
    const chars = Array.from(key);
    // Under every pair of the name, so a query naming part of it finds it too.
    for (let i = 0; i + 1 < chars.length; i++) file(namesByPair, chars[i]! + chars[i + 1]!, `${kind === 'target' ? 't' : 'f'}:${key}`);
  }
  return new Map([
    ...[...namesByPair].map(([pair, names]) => [ANSWER_NAMES + pair, [...names].sort().join(' ')] as const),
    ...[...formsByPair(vocabulary.related ?? {}, fold)].map(([pair, entries]) => [RELATED + pair, encodeRelated(entries)] as const),
    // The synonyms dataset's words, merged by their folded form (交税 and 交稅 are one word).
    ...[...formsByPair(vocabulary.synonyms, fold)].map(([pair, entries]) => [SYNONYMS + pair, encodeRelated(entries)] as const),
    ...[...byPair].map(([pair, words]) => [WORDS + pair, [...words].sort().join(' ')] as const),
    ...[...byPinyin].map(([key, words]) => [PINYIN + key, [...words].sort().join(' ')] as const),
  ]);
}

/** Characters of the site by pinyin, most frequent first: a typo's homophones. */
export function writeHomophones(
  characters: Iterable<readonly [string, number]>,
  pinyin: ReadonlyMap<string, string>,
  emit: IndexFileWriter,
): void {
  const homophones = new Map<string, { ch: string; count: number }[]>();
  for (const [ch, count] of characters) {
    const reading = pinyin.get(ch);
    if (!reading) continue;
    if (!homophones.has(reading)) homophones.set(reading, []);
    homophones.get(reading)!.push({ ch, count });
  }
  const files = Array.from({ length: CHARACTER_SHARDS }, () => ({}) as Record<string, string>);
  for (const [reading, chars] of [...homophones].sort(([a], [b]) => (a < b ? -1 : 1)))
    files[gramShard(reading, CHARACTER_SHARDS)]![reading] = chars
      .sort((a, b) => b.count - a.count || (a.ch < b.ch ? -1 : 1))
      .map((c) => c.ch)
      .join('');
  files.forEach((entries, n) => emit(`chars/homophones-${n}.json`, JSON.stringify(entries)));
}

/**
 * Writes the files that follow from the vocabulary and the records' facets alone (the pinyin terms, the answer
 * files, the character tables and meta.json); returns the digest of meta.json.
 */
export function writeVocabularyFiles(
  records: readonly IndexedRecord[],
  numbers: readonly number[],
  layout: { shards: number; averageLength: number },
  vocabulary: IndexVocabulary,
  fold: (text: string) => string,
  emit: IndexFileWriter,
): string {
  if (vocabulary.pinyinTerms) emit(PINYIN_TERMS_FILE, encodePinyinTerms(vocabulary.pinyinTerms));
  // Each kind's records split by a hash of their keys, so a query reads the records of what it names only.
  const answerShards: Partial<Record<AnswerKind, number>> = {};
  for (const [kind, list] of Object.entries(vocabulary.answers ?? {}) as [AnswerKind, AnswerRecords[AnswerKind]][]) {
    const count = Math.max(1, Math.ceil(JSON.stringify(list).length / ANSWER_SHARD_TARGET));
    answerShards[kind] = count;
    const files = Array.from({ length: count }, () => new Set<AnswerRecords[AnswerKind][number]>());
    for (const record of list) for (const key of answerKeys(kind, record)) files[gramShard(key, count)]!.add(record);
    files.forEach((records, n) => emit(answerFile(kind, n), JSON.stringify([...records])));
  }
  const tables = {
    traditional: splitCharacterTable(vocabulary.traditional, CHARACTER_SHARDS, true),
    pinyin: splitCharacterTable(vocabulary.pinyin, CHARACTER_SHARDS, false),
  };
  for (const [name, table] of Object.entries(tables))
    table.files.forEach((entries, n) => emit(`chars/${name}-${n}.json`, JSON.stringify(entries)));
  const names: Record<string, string> = {};
  for (const [other, name] of Object.entries(vocabulary.names)) {
    const key = squeeze(fold(other)).text;
    const value = squeeze(fold(name)).text;
    if (key !== value) names[key] = value;
  }
  const meta: SearchIndexMeta = {
    version: SEARCH_INDEX_VERSION,
    records: records.length,
    averageLength: layout.averageLength,
    chunkSize: CHUNK_SIZE,
    shards: layout.shards,
    names,
    traditional: tables.traditional.meta,
    pinyin: tables.pinyin.meta,
    ...recordRuns(records, numbers),
    answerShards,
  };
  const text = JSON.stringify(meta);
  emit('meta.json', text);
  return indexDigest(text);
}

export const indexDigest = (text: string) => createHash('sha1').update(text).digest('base64url');

/** Digest of the traditional table, which decides every gram. */
export const foldingDigest = (traditional: ReadonlyMap<string, string>) => indexDigest(JSON.stringify([...traditional]));

/** The kinds, region sets and runs of meta.json: each record's facets by its number. */
function recordRuns(records: readonly IndexedRecord[], numbers: readonly number[]): Pick<SearchIndexMeta, 'kinds' | 'regionSets' | 'runs'> {
  const kinds: string[] = [];
  const regionSets: string[][] = [];
  const regionSetIds = new Map<string, number>();
  const runs: number[] = [];
  records.forEach((record, index) => {
    const id = numbers[index]!;
    if (!kinds.includes(record.kind)) kinds.push(record.kind);
    const regionKey = record.regions.join('\u0001');
    if (!regionSetIds.has(regionKey)) regionSetIds.set(regionKey, regionSets.push([...record.regions]) - 1);
    const run = [kinds.indexOf(record.kind), regionSetIds.get(regionKey)!, Number(record.year ?? 0)];
    const unused = id - (index === 0 ? 0 : numbers[index - 1]! + 1);
    if (unused > 0) runs.push(UNUSED_NUMBERS, 0, 0, unused);
    const at = runs.length - 4;
    if (at >= 0 && runs[at] === run[0] && runs[at + 1] === run[1] && runs[at + 2] === run[2]) runs[at + 3]! += 1;
    else runs.push(...run, 1);
  });
  return { kinds, regionSets, runs };
}
