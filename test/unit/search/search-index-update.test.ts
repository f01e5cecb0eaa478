import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { IndexedRecord } from '../../../src/lib/search/phrase-search.ts';
import { buildSearchIndex, type SearchIndexState } from '../../../src/lib/search/search-index-writer.ts';
import type { IndexVocabulary } from '../../../src/lib/search/vocabulary-files.ts';
import { updateSearchIndex } from '../../../src/lib/search/search-index-update.ts';
import { orderRecords } from '../../../src/lib/search/index-layout.ts';
import { SEARCH_KINDS, searchRecords } from '../../../src/lib/search/search-records.ts';
import { answerRecords } from '../../../src/lib/search/answer-records.ts';
import { indicatorNames, siteSynonyms, siteWords } from '../../../src/lib/search/site-vocabulary.ts';
import { validateContent } from '../../../src/lib/content/validate-content.ts';
import { readContentFiles } from '../../../src/loaders/content-files.ts';

const root = join(import.meta.dirname, '..', '..', '..', 'content');
const model = validateContent(readContentFiles(root)).model;
const made = searchRecords(model, (kind, id) => readFileSync(join(root, kind, `${id}.mdx`), 'utf8'));
const ordered = (records: readonly IndexedRecord[]) => orderRecords(records, Object.values(SEARCH_KINDS));
const records = ordered(made.map(({ content, ...rest }) => ({ ...rest, text: content })));
const vocabulary: IndexVocabulary = {
  traditional: new Map([
    ['營', '营'],
    ['環', '环'],
  ]),
  pinyin: new Map(
    Object.entries({ 营: 'ying', 商: 'shang', 环: 'huan', 境: 'jing', 竟: 'jing', 税: 'shui', 鑫: 'xin', 新: 'xin', 心: 'xin' }),
  ),
  words: siteWords(model, made),
  synonyms: siteSynonyms(model),
  names: indicatorNames(model),
  answers: answerRecords(model),
};

interface BuiltIndex {
  files: Map<string, string>;
  state: SearchIndexState;
}

function fullBuild(from: readonly IndexedRecord[], vocab = vocabulary): BuiltIndex {
  const files = new Map<string, string>();
  const { state } = buildSearchIndex(from, vocab, (path, text) => files.set(path, text));
  return { files, state };
}

/** The previous index updated in a copy: its files afterwards, and what the update said. */
function updated(previous: BuiltIndex, from: readonly IndexedRecord[], vocab = vocabulary) {
  const files = new Map(previous.files);
  const result = updateSearchIndex(
    { state: previous.state, files: [...previous.files.keys()], read: (path) => previous.files.get(path) },
    from,
    vocab,
    (path, text) => files.set(path, text),
    (path) => files.delete(path),
  );
  return { files, result };
}

/** The files that differ between two indexes, by path: what a reader of the index would see differently. */
function differences(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
}

/**
 * Updates `previous` to `next` and checks the result against a full build of `next`: the same files when the
 * shards stay as many, and else no update at all (every gram's shard moves). Returns the index after.
 */
function expectAsFullBuild(previous: BuiltIndex, next: readonly IndexedRecord[], vocab = vocabulary): BuiltIndex & { updated: boolean } {
  const { files, result } = updated(previous, next, vocab);
  const full = fullBuild(next, vocab);
  if (full.state.shards !== previous.state.shards) {
    expect(result).toEqual({ updated: false, reason: '分片数有变化' });
    return { ...full, updated: false };
  }
  expect(result.updated, result.updated ? '' : result.reason).toBe(true);
  expect(differences(files, full.files)).toEqual([]);
  if (!result.updated) throw new Error('unreachable');
  expect(result.files).toBe(full.files.size);
  return { files, state: result.state, updated: true };
}

const briefings = records.filter((r) => r.kind === SEARCH_KINDS.briefing);
const rows = records.filter((r) => r.kind !== SEARCH_KINDS.briefing && r.kind !== SEARCH_KINDS.policy);
const before = fullBuild(records);

test('a corrected cell of a task list updates the index to exactly what a full build writes, and touches few files', () => {
  const row = rows[Math.floor(rows.length / 2)]!;
  const next = records.map((r) => (r === row ? { ...r, text: `${r.text.slice(0, 20)}已完成，鑫源公司验收${r.text.slice(20)}` } : r));
  const after = expectAsFullBuild(before, next);
  expect(after.updated).toBe(true);
  // Its record file, the shards of its new grams, the homophones of 鑫 and meta.json (the average length).
  expect(differences(before.files, after.files).length).toBeLessThan(20);
});

/** The content as four regions would publish it, as a site grows: more shards, each a smaller share of the index. */
const fourRegions = ordered(
  records.flatMap((r) =>
    [0, 1, 2, 3].map((n) => (n === 0 ? r : { ...r, url: `/${n}${r.url}`, regions: r.regions.map((g) => `${g}${n}`) })),
  ),
);

test("a region's next briefing, and a section's new title, update the index as a full build would", () => {
  const site = fullBuild(fourRegions);
  const [first, , revised] = fourRegions.filter((r) => r.kind === SEARCH_KINDS.briefing);
  const next = ordered([
    ...fourRegions,
    {
      ...first!,
      url: `${first!.url}next/`,
      title: '第十二期工作简报',
      text: '本期新增：营商环境“一网通办”鑫心新事项 99 项。',
      date: '2099-01-01',
      year: '2099',
    },
  ]).map((r) => (r === revised ? { ...r, title: `${r.title}（修订）` } : r));
  expect(expectAsFullBuild(site, next).updated).toBe(true);
});

test('a change to the synonyms dataset alone updates the vocabulary entries as a full build would', () => {
  expectAsFullBuild(before, records, {
    ...vocabulary,
    synonyms: { ...vocabulary.synonyms, 办证难: ['一网通办'] },
    words: [...vocabulary.words, '鑫源公司'],
  });
});

test('updates chain: each starts from the state the previous one returned', () => {
  const row = rows[3]!;
  const once = expectAsFullBuild(
    before,
    records.map((r) => (r === row ? { ...r, text: `${r.text}鑫` } : r)),
  );
  expectAsFullBuild(once, records);
});

test('the last group, outgrowing its numbers, is updated in place: it moves no other group', () => {
  const site = fullBuild(fourRegions);
  const last = fourRegions.at(-1)!;
  const count = fourRegions.filter((r) => r.kind === last.kind && r.regions.join() === last.regions.join()).length;
  // One more record than the group has room for before the next round number.
  const more = Array.from({ length: 128 - (count % 128) + 1 }, (_, i) => ({ ...last, url: `${last.url}more-${i}/` }));
  expect(expectAsFullBuild(site, ordered([...fourRegions, ...more])).updated).toBe(true);
});

test('a group that outgrows its numbers, or a new group, is left to a full build, and nothing is written', () => {
  const group = briefings.filter((r) => r.regions.join() === briefings[0]!.regions.join());
  const many = Array.from({ length: 128 }, (_, i) => ({ ...group[0]!, url: `${group[0]!.url}more-${i}/` }));
  for (const next of [
    ordered([...records, ...many]),
    ordered([...records, { ...briefings[0]!, url: '/briefings/new-region/', regions: ['新设区'] }]),
  ]) {
    let writes = 0;
    const result = updateSearchIndex(
      { state: before.state, files: [...before.files.keys()], read: (path) => before.files.get(path) },
      next,
      vocabulary,
      () => (writes += 1),
      () => (writes += 1),
    );
    expect(result.updated).toBe(false);
    expect(writes).toBe(0);
  }
});

test('an index whose files disagree with its state is left to a full build', () => {
  const row = rows[0]!;
  const next = records.map((r) => (r === row ? { ...r, text: `${r.text}鑫` } : r));
  // Record files missing, or another index's (its records' addresses differ; as many records).
  const missing = new Map([...before.files].filter(([path]) => !path.startsWith('records/')));
  const other = new Map(
    [...before.files].map(([path, text]) => [
      path,
      path.startsWith('records/')
        ? JSON.stringify((JSON.parse(text) as IndexedRecord[]).map((r) => ({ ...r, url: `/other${r.url}` })))
        : text,
    ]),
  );
  for (const files of [missing, other]) expect(updated({ ...before, files }, next).result.updated).toBe(false);
});

/** A site of many records, so that frequent grams have long postings of their own files, and an edit moves some across. */
function largeSite(): IndexedRecord[] {
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 0x7fffffff) / 0x7fffffff;
  const common = Array.from('营商环境优化升级改革工程政务服务事项办理');
  const rare = Array.from('鑫淼焱垚森磊犇骉羴');
  return ordered(
    Array.from({ length: 15_000 }, (_, i) => {
      const text = Array.from(
        { length: 12 },
        () => (random() < 0.9 ? common : rare)[Math.floor(random() * (random() < 0.9 ? common.length : rare.length))],
      ).join('');
      return {
        url: `/r/${i}/`,
        title: `第${i % 50}项`,
        text,
        kind: SEARCH_KINDS.briefing,
        regions: [`区${i % 3}`],
        indicators: [],
        year: '2026',
      };
    }),
  );
}

test('at scale, postings that cross into files of their own, or back, update as a full build writes them', () => {
  const site = largeSite();
  const start = fullBuild(site);
  expect([...start.files.keys()].some((path) => path.startsWith('grams/long-'))).toBe(true);
  // Every record of one group gains a rare pair, whose posting grows long; another group loses one.
  const next = site.map((r) =>
    r.regions[0] === '区1' ? { ...r, text: `${r.text}鑫淼` } : r.regions[0] === '区2' ? { ...r, text: r.text.replaceAll('森', '') } : r,
  );
  const grown = expectAsFullBuild(start, next);
  expect(grown.updated).toBe(true);
  const longFiles = (index: BuiltIndex) => [...index.files.keys()].filter((path) => path.startsWith('grams/long-'));
  expect(longFiles(grown)).not.toEqual(longFiles(start));
  expect(expectAsFullBuild(grown, site).updated).toBe(true);
});
