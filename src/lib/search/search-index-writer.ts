/**
 * Writes the search index (build only): every file described in
 * search-index-format.ts, handed to a `write(path, text)` function as soon
 * as it is ready, so the index is never held in memory whole. Pure.
 */
import type { IndexedRecord } from './phrase-search.ts';
import { foldChar, isNamePunctuation, squeeze, textFolder } from './search-text.ts';
import { splitCharacterTable } from './character-tables.ts';
import { gramShard } from './grams.ts';
import { pinyinKey, wordPinyin } from './typo-corrections.ts';
import type { AnswerKind, AnswerRecords } from './answer-records.ts';
import { encodeRelated } from './related-words.ts';
import { encodePinyinTerms, type PinyinTerm } from './pinyin-reading.ts';
import { GramPostings } from './search-postings.ts';
import { recordNumbers, shardCount } from './index-layout.ts';
import { answerNames } from './answer-records.ts';
import { answerKey, answerKeys } from './answer-cards.ts';
import {
  ANSWER_NAMES,
  answerFile,
  CHARACTER_SHARDS,
  CHUNK_SIZE,
  PINYIN,
  PINYIN_TERMS_FILE,
  RELATED,
  SYNONYMS,
  SEARCH_INDEX_VERSION,
  TITLE,
  UNUSED_NUMBERS,
  WORDS,
  type SearchIndexMeta,
} from './search-index-format.ts';

/** Postings longer than this (encoded characters) get a file of their own. */
const LONG_POSTING = 2048;
/**
 * Target size of a shard of short postings (characters). A query reads a shard for each character pair it
 * has, and needs one entry of it, so shards are small: about 1 KB compressed.
 */
const SHARD_TARGET = 2_000;
/** Target size of an answer file (characters of JSON): about 1.5 KB compressed. */
const ANSWER_SHARD_TARGET = 8_000;

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

/** What `\s` matches, by code point: the index build reads every character of the site. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Grams are keyed by small integers while building, which V8 keeps unboxed
 * (a province's text is read character by character): each folded character
 * gets a dense id in order of first sight; a character's key is its id, a
 * pair's (first id + 1) × PAIR + second id, all below 2^30.
 */
const PAIR = 0x8000;
const CODE_POINTS = 0x110000;

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
 * Writes every file of the index through `write` (a path below the index
 * directory, its text) as soon as it is ready, so the index is never held in
 * memory whole; returns the number of files. Records must be in index order.
 */
export function buildSearchIndex(
  records: readonly IndexedRecord[],
  vocabulary: IndexVocabulary,
  write: (path: string, text: string) => void,
): number {
  let files = 0;
  const emit = (path: string, text: string) => {
    write(path, text);
    files += 1;
  };
  const traditional = (ch: string) => vocabulary.traditional.get(ch);
  const fold = textFolder(traditional);
  const ids = new Int32Array(CODE_POINTS);
  const codeOfId: number[] = [];
  const idOf = (c: number) => {
    if (ids[c] === 0) {
      if (codeOfId.length === PAIR - 1) throw new RangeError(`search index: more than ${PAIR - 1} distinct characters`);
      ids[c] = codeOfId.push(c);
    }
    return ids[c]! - 1;
  };
  // Per code point of the text, what the gram loop needs, worked out on first sight and kept in a flat array:
  // 0 not yet seen, SPACE, SKIPPED (name punctuation), or else the folded character's id + 1.
  const SPACE = -1;
  const SKIPPED = -2;
  const classes = new Int32Array(CODE_POINTS);
  const classify = (code: number) => {
    const folded = foldChar(String.fromCodePoint(code), traditional);
    const f = folded.codePointAt(0)!;
    return (classes[code] = isSpace(f) ? SPACE : isNamePunctuation(folded) ? SKIPPED : idOf(f) + 1);
  };
  const gramText = (key: number) =>
    key < PAIR ? String.fromCodePoint(codeOfId[key]!) : String.fromCodePoint(codeOfId[Math.floor(key / PAIR) - 1]!, codeOfId[key % PAIR]!);
  // Every character and adjacent pair of the folded text, none spanning whitespace, name punctuation skipped; a record is added once per gram.
  const addGrams = (postings: GramPostings, text: string, record: number) => {
    let previous = -1;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const kind = classes[code] || classify(code);
      if (kind === SPACE) {
        previous = -1;
        continue;
      }
      if (kind === SKIPPED) continue;
      const id = kind - 1;
      postings.add(id, record);
      if (previous >= 0) postings.add((previous + 1) * PAIR + id, record);
      previous = id;
    }
  };
  const inText = new GramPostings();
  const inTitle = new GramPostings();
  const kinds: string[] = [];
  const regionSets: string[][] = [];
  const regionSetIds = new Map<string, number>();
  const runs: number[] = [];
  let totalLength = 0;
  const { numbers, span } = recordNumbers(records);
  records.forEach((record, index) => {
    const id = numbers[index]!;
    totalLength += Array.from(record.text).length;
    addGrams(inText, record.title, id);
    addGrams(inText, record.text, id);
    addGrams(inTitle, record.title, id);

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

  // A group's records fill its record files from the first number on, so a file holds the records of its first numbers.
  for (let start = 0; start < records.length;) {
    const chunk = Math.floor(numbers[start]! / CHUNK_SIZE);
    let end = start + 1;
    while (end < records.length && Math.floor(numbers[end]! / CHUNK_SIZE) === chunk) end++;
    emit(`records/${chunk}.json`, JSON.stringify(records.slice(start, end)));
    start = end;
  }

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
  const relatedByPair = formsByPair(vocabulary.related ?? {}, fold);
  // The synonyms dataset's words, merged by their folded form (交税 and 交稅 are one word).
  const synonymsByPair = formsByPair(vocabulary.synonyms, fold);
  const namesByPair = new Map<string, Set<string>>();
  for (const { kind, name } of vocabulary.answers ? answerNames(vocabulary.answers) : []) {
    const key = answerKey(name, fold);
    const chars = Array.from(key);
    // Under every pair of the name, so a query naming part of it finds it too.
    for (let i = 0; i + 1 < chars.length; i++) file(namesByPair, chars[i]! + chars[i + 1]!, `${kind === 'target' ? 't' : 'f'}:${key}`);
  }
  const encoded = [
    ...[...namesByPair].map(([pair, names]) => [ANSWER_NAMES + pair, [...names].sort().join(' ')] as const),
    ...[...relatedByPair].map(([pair, entries]) => [RELATED + pair, encodeRelated(entries)] as const),
    ...[...synonymsByPair].map(([pair, entries]) => [SYNONYMS + pair, encodeRelated(entries)] as const),
    ...[...inText].map(([key, writer]) => [gramText(key), writer.encode(span)] as const),
    ...[...inTitle].map(([key, writer]) => [TITLE + gramText(key), writer.encode(span)] as const),
    ...[...byPair].map(([pair, words]) => [WORDS + pair, [...words].sort().join(' ')] as const),
    ...[...byPinyin].map(([key, words]) => [PINYIN + key, [...words].sort().join(' ')] as const),
  ];
  // Characters of the site by pinyin, most frequent first: a typo's homophones.
  const homophones = new Map<string, { ch: string; count: number }[]>();
  for (const [key, writer] of inText) {
    if (key >= PAIR) continue;
    const ch = gramText(key);
    const reading = vocabulary.pinyin.get(ch);
    if (!reading) continue;
    if (!homophones.has(reading)) homophones.set(reading, []);
    homophones.get(reading)!.push({ ch, count: writer.count });
  }
  const homophoneFiles = Array.from({ length: CHARACTER_SHARDS }, () => ({}) as Record<string, string>);
  for (const [reading, chars] of [...homophones].sort(([a], [b]) => (a < b ? -1 : 1)))
    homophoneFiles[gramShard(reading, CHARACTER_SHARDS)]![reading] = chars
      .sort((a, b) => b.count - a.count || (a.ch < b.ch ? -1 : 1))
      .map((c) => c.ch)
      .join('');
  homophoneFiles.forEach((entries, n) => emit(`chars/homophones-${n}.json`, JSON.stringify(entries)));
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
  inText.clear();
  inTitle.clear();
  const shortLength = encoded.reduce((sum, [gram, e]) => sum + (e.length > LONG_POSTING ? 0 : gram.length + e.length + 6), 0);
  const shards = shardCount(Math.ceil(shortLength / SHARD_TARGET));
  const shardEntries = Array.from({ length: shards }, () => [] as [string, string][]);
  for (const entry of encoded) shardEntries[gramShard(entry[0], shards)]!.push([entry[0], entry[1]]);
  shardEntries.forEach((entries, n) => {
    entries.sort(([a], [b]) => (a < b ? -1 : 1));
    // Named by their shard and place in it, so a new long posting renames no other shard's.
    let long = 0;
    for (const entry of entries)
      if (
        entry[1].length > LONG_POSTING &&
        ![WORDS, PINYIN, RELATED, SYNONYMS, ANSWER_NAMES].some((prefix) => entry[0].startsWith(prefix))
      ) {
        emit(`grams/long-${n}-${long}.txt`, entry[1]);
        entry[1] = `@${n}-${long++}`;
      }
    emit(`grams/${n}.json`, JSON.stringify(Object.fromEntries(entries)));
  });

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
    averageLength: Math.round(totalLength / Math.max(1, records.length)),
    chunkSize: CHUNK_SIZE,
    shards,
    names,
    traditional: tables.traditional.meta,
    pinyin: tables.pinyin.meta,
    kinds,
    regionSets,
    runs,
    answerShards,
  };
  emit('meta.json', JSON.stringify(meta));
  return files;
}
