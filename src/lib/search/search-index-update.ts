/**
 * Updates a search index for a publication (build only): the files a full
 * build of the new records would write differently are written again, and
 * no other, so the work goes by the size of the edit rather than of the site.
 * The result is byte for byte what buildSearchIndex writes. Pure.
 *
 * Records are numbered by group (index-layout.ts), so an edit changes the
 * numbers of its own group only. The groups whose record files differ are
 * read back from the previous index; the grams their old and new records
 * hold are compared, and only postings whose membership changed are decoded,
 * patched in the group's numbers and encoded again, with the shards that
 * hold them. The previous build's state (SearchIndexState) says what the
 * index files do not: each group's digest, the vocabulary's entries, and how
 * long the short postings are in all.
 *
 * When the layout moves (a group outgrows its numbers, a group comes or
 * goes, the shard count or the folding table changes), the update writes
 * nothing and says why: the caller builds the index whole.
 */
import type { IndexedRecord } from './phrase-search.ts';
import { textFolder } from './search-text.ts';
import { gramShard } from './grams.ts';
import { groupBy } from '../catalog.ts';
import { GramPostings } from './search-postings.ts';
import { patchPosting } from './posting-patch.ts';
import { recordNumbers } from './index-layout.ts';
import { CHUNK_SIZE, TITLE } from './search-index-format.ts';
import { addRecordGrams, gramReader } from './gram-reader.ts';
import {
  foldingDigest,
  vocabularyEntries,
  writeHomophones,
  writeVocabularyFiles,
  type IndexFileWriter,
  type IndexVocabulary,
} from './vocabulary-files.ts';
import {
  averageLength,
  groupDigest,
  isPosting,
  recordGroups,
  writeRecordFiles,
  shardsFor,
  shortLengthOf,
  writeShard,
  type RecordGroup,
  type RecordGroupState,
  type SearchIndexState,
} from './search-index-writer.ts';

/** The index a previous build left, and its state. */
export interface PreviousIndex {
  state: SearchIndexState;
  /** Paths of its files, below the index directory. */
  files: readonly string[];
  /** A file's text, or undefined when there is none. */
  read(path: string): string | undefined;
}

export type IndexUpdate =
  | { updated: true; state: SearchIndexState; files: number; written: number; removed: number; groups: number; shards: number }
  | { updated: false; reason: string };

/** The records of a group that hold a gram, before and after. */
interface Membership {
  before: number[];
  after: number[];
}

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** The ids of each gram's posting, keyed as in the shards (title postings behind TITLE). */
function gramIds(groups: readonly { first: number; records: readonly IndexedRecord[] }[], traditional: (ch: string) => string | undefined) {
  const reader = gramReader(traditional);
  const inText = new GramPostings();
  const inTitle = new GramPostings();
  for (const { first, records } of groups) records.forEach((record, i) => addRecordGrams(reader, inText, inTitle, record, first + i));
  const ids = new Map<string, number[]>();
  for (const [key, posting] of inText) ids.set(reader.text(key), posting.ids());
  for (const [key, posting] of inTitle) ids.set(TITLE + reader.text(key), posting.ids());
  return ids;
}

/** Whether a shard key is a character's text posting (counted for the homophones). */
const isCharacterPosting = (key: string) => isPosting(key) && !key.startsWith(TITLE) && Array.from(key).length === 1;

export function updateSearchIndex(
  previous: PreviousIndex,
  records: readonly IndexedRecord[],
  vocabulary: IndexVocabulary,
  write: IndexFileWriter,
  remove: (path: string) => void,
): IndexUpdate {
  const old = previous.state;
  const moved = (reason: string): IndexUpdate => ({ updated: false, reason });
  const traditional = (ch: string) => vocabulary.traditional.get(ch);
  const fold = textFolder(traditional);
  if (foldingDigest(vocabulary.traditional) !== old.folding) return moved('繁简对照表有变化');
  const numbers = recordNumbers(records);
  const groups = recordGroups(records, numbers);
  if (groups.length !== old.groups.length || groups.some((g, i) => g.key !== old.groups[i]!.key || g.first !== old.groups[i]!.first))
    return moved('记录分组或编号有变化');

  // The groups whose records changed, with their records as the previous index holds them.
  const changed: { group: RecordGroup; was: RecordGroupState; before: IndexedRecord[]; oldPaths: string[] }[] = [];
  for (const [i, group] of groups.entries()) {
    const was = old.groups[i]!;
    if (group.digest === was.digest) continue;
    const oldPaths: string[] = [];
    for (let chunk = Math.floor(was.first / CHUNK_SIZE); chunk <= Math.floor((was.first + was.count - 1) / CHUNK_SIZE); chunk++)
      oldPaths.push(`records/${chunk}.json`);
    // Its files must be those the state describes: the update trusts the state for every group it does not read.
    const texts = oldPaths.map((path) => previous.read(path) ?? '');
    if (groupDigest(texts) !== was.digest) return moved(`上次的记录文件与索引状态不一致（${oldPaths[0]}）`);
    const before = texts.flatMap((text) => JSON.parse(text) as IndexedRecord[]);
    changed.push({ group, was, before, oldPaths });
  }

  // What each entry becomes: the postings whose records changed, and the vocabulary's entries that differ.
  const updates = new Map<string, (value: string | undefined) => string | undefined>();
  const before = gramIds(
    changed.map((c) => ({ first: c.group.first, records: c.before })),
    traditional,
  );
  const after = gramIds(
    changed.map((c) => ({ first: c.group.first, records: records.slice(c.group.start, c.group.end) })),
    traditional,
  );
  const memberships = new Map<string, Membership>();
  for (const [key, ids] of before) memberships.set(key, { before: ids, after: after.get(key) ?? [] });
  for (const [key, ids] of after) if (!before.has(key)) memberships.set(key, { before: [], after: ids });
  // A changed group's old records are numbered from its first number on, as many as it had.
  const oldRanges = changed.map(({ was }) => [was.first, was.first + was.count] as const);
  const counts = new Map<string, number>();
  let disagreement: string | undefined;
  for (const [key, { before: was, after: now }] of memberships) {
    if (sameIds(was, now)) continue;
    updates.set(key, (value) => {
      const patched = patchPosting(value, oldRanges, now);
      if (patched.removed !== was.length) disagreement ??= key;
      counts.set(key, patched.count);
      return patched.encoded;
    });
  }
  const entries = vocabularyEntries(vocabulary, fold);
  const oldEntries = new Map(old.entries);
  for (const [key, value] of entries) if (oldEntries.get(key) !== value) updates.set(key, () => value);
  for (const key of oldEntries.keys()) if (!entries.has(key)) updates.set(key, () => undefined);

  // The shards holding those entries, read whole (their long postings too) and made again.
  const byShard = groupBy(updates.keys(), (key) => gramShard(key, old.shards));
  const longFiles = groupBy(previous.files, (path) => {
    const long = /^grams\/long-(\d+)-\d+\.txt$/.exec(path);
    return long && byShard.has(Number(long[1])) ? Number(long[1]) : undefined;
  });
  let shortLength = old.shortLength;
  const characters = new Map(old.characters);
  const shards: [number, [string, string][]][] = [];
  for (const [n, keys] of byShard) {
    const text = previous.read(`grams/${n}.json`);
    if (text === undefined) return moved(`上次的索引缺少文件（grams/${n}.json）`);
    const shard = new Map<string, string>();
    for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, string>)) {
      const long = value.startsWith('@') && isPosting(key) ? previous.read(`grams/long-${value.slice(1)}.txt`) : value;
      if (long === undefined) return moved(`上次的索引缺少文件（grams/long-${value.slice(1)}.txt）`);
      shard.set(key, long);
    }
    for (const key of keys) {
      const was = shard.get(key);
      const now = updates.get(key)!(was);
      shortLength += (now === undefined ? 0 : shortLengthOf(key, now)) - (was === undefined ? 0 : shortLengthOf(key, was));
      if (now === undefined) shard.delete(key);
      else shard.set(key, now);
      if (isCharacterPosting(key)) {
        if (now === undefined) characters.delete(key);
        else characters.set(key, counts.get(key)!);
      }
    }
    shards.push([n, [...shard]]);
  }
  if (disagreement !== undefined) return moved(`上次的索引与其状态不一致（“${disagreement}”）`);
  if (shardsFor(shortLength) !== old.shards) return moved('分片数有变化');

  // Nothing moved: write what changed.
  const emitted = new Set<string>();
  let written = 0;
  const emit: IndexFileWriter = (path, text) => {
    emitted.add(path);
    written += 1;
    write(path, text);
  };
  const gone: string[] = [];
  for (const { group, oldPaths } of changed) {
    writeRecordFiles(records, numbers, group.start, group.end, emit);
    gone.push(...oldPaths.filter((path) => !emitted.has(path)));
  }
  for (const [n, entries] of shards) {
    const paths = new Set(writeShard(n, entries, emit));
    gone.push(...(longFiles.get(n) ?? []).filter((path) => !paths.has(path)));
  }
  writeHomophones(characters, vocabulary.pinyin, emit);
  const meta = writeVocabularyFiles(records, numbers, { shards: old.shards, averageLength: averageLength(groups) }, vocabulary, fold, emit);
  // The files drawn from the vocabulary alone are all written: one of them the new index no longer has goes.
  gone.push(...previous.files.filter((path) => !path.startsWith('grams/') && !path.startsWith('records/') && !emitted.has(path)));
  for (const path of gone) remove(path);
  const had = new Set(previous.files);
  return {
    updated: true,
    state: {
      meta,
      folding: old.folding,
      shards: old.shards,
      shortLength,
      groups: groups.map(({ key, first, count, digest, length }) => ({ key, first, count, digest, length })),
      characters: [...characters],
      entries: [...entries],
    },
    files: previous.files.length - gone.length + [...emitted].filter((path) => !had.has(path)).length,
    written,
    removed: gone.length,
    groups: changed.length,
    shards: shards.length,
  };
}
