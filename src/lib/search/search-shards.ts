/**
 * Reads and searches the search index (browser, benchmarks and tests): the
 * files described in search-index-format.ts, each read through a
 * `load(path)` function only when a query needs it, and kept for the next
 * queries. Pure.
 *
 * A query's candidates are the records holding its character pairs, scored
 * by the pairs' rarity; the best-placed candidates' chunks (at most
 * MAX_CHUNKS_PER_QUERY chunks' worth of records) are read and ranked by
 * phrase-search.ts. Latin no record holds is read as pinyin first
 * (pinyin-reading.ts); beside the ranking, the answer card is chosen
 * (answer-cards.ts).
 *
 * Why one file: queryShardedIndex is one pass over one query's state (its
 * plan, candidates, the files read and the byte budget), and each step reads
 * what the previous one decided; the index format, postings and ranking are
 * already modules of their own.
 */
import {
  activeFilters,
  countFacets,
  findRecords,
  formsOf,
  passesFilters,
  planGrams,
  prepareRecords,
  type FacetedRecord,
  type IndexedRecord,
  type PreparedRecord,
  type SearchOptions,
  type SearchResponse,
} from './phrase-search.ts';
import { squeeze, textFolder } from './search-text.ts';
import { characterTableReader } from './character-tables.ts';
import { gramShard, termGrams } from './grams.ts';
import { backOffCharacters, planQuery, type QueryPlan } from './query-understanding.ts';
import { corrections, pinyinKey, suspectCharacter, type Correction } from './typo-corrections.ts';
import { groupBy } from '../catalog.ts';
import { answerKey, chooseAnswerCard, wantedAnswerKeys, type AnswerCard, type AnswerName } from './answer-cards.ts';
import type { AnswerKind, AnswerRecords } from './answer-records.ts';
import { decodeRelated } from './related-words.ts';
import { decodePinyinTerms, latinRuns, readPinyin, type PinyinTerm } from './pinyin-reading.ts';
import { decodePosting, intersect } from './search-postings.ts';
import {
  ANSWER_NAMES,
  answerFile,
  CHARACTER_SHARDS,
  MAX_CHUNKS_PER_QUERY,
  PINYIN,
  PINYIN_TERMS_FILE,
  RELATED,
  SEARCH_INDEX_VERSION,
  SearchIndexVersionError,
  SYNONYMS,
  TITLE,
  UNUSED_NUMBERS,
  WORDS,
  type SearchIndexMeta,
} from './search-index-format.ts';

/**
 * Homophones tried for a mistyped character, the most frequent in the site first. Each costs the shards of its
 * pairs; four find every correction of the typo set, and eight took a cold everyday query past 150 KB.
 */
const MAX_HOMOPHONES = 4;
/**
 * Terms longer than this are not checked for typos: a long phrase is rarely one mistyped word (its words are checked).
 * Seven rather than eight: checking the eight-character 办事不用带身份证 whole cost 50 KB of its cold query, and no
 * query of any set changes (scripts/bench/search-everyday.ts --all).
 */
const MAX_TYPO_TERM = 7;
/**
 * An approximate search (nothing holds the query whole) checks at most this many records, in this many chunks
 * (about 4.7 KB each compressed): 12 rather than 16 keeps the costliest cold query within 150 KB, and ranks no
 * query set worse (scripts/bench/search-everyday.ts --all).
 */
const APPROXIMATE_RECORDS = 64;
const APPROXIMATE_CHUNKS = 12;
/** Files a query may read per chunk of its record budget, when chunks are part-filled (at most twice as many). */
const FILES_PER_CHUNK_BUDGET = 2;

/** Kind, regions and year of every record, by its number, from the runs in the meta file; unused numbers are holes. */
export function recordFacets(meta: SearchIndexMeta): FacetedRecord[] {
  const out: FacetedRecord[] = [];
  for (let i = 0; i < meta.runs.length; i += 4) {
    if (meta.runs[i] === UNUSED_NUMBERS) {
      out.length += meta.runs[i + 3]!;
      continue;
    }
    const facets = {
      kind: meta.kinds[meta.runs[i]!]!,
      regions: meta.regionSets[meta.runs[i + 1]!]!,
      year: meta.runs[i + 2] ? String(meta.runs[i + 2]) : undefined,
    };
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

/** Where an index's files come from. */
export interface SearchIndexSource {
  meta: SearchIndexMeta;
  /** A path below the index directory → the file's text. */
  load: (path: string) => Promise<string>;
  /** Record files' worth of records read for one query at most (MAX_CHUNKS_PER_QUERY). */
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
  /** The answer records filed under a key (the file of its shard, read once). */
  answers: <K extends AnswerKind>(kind: K, key: string) => Promise<AnswerRecords[K]>;
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
    answers: (kind, key) => {
      const shards = meta.answerShards?.[kind];
      return (shards ? json(answerFile(kind, gramShard(key, shards))) : Promise.resolve([])) as unknown as Promise<never>;
    },
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
        entry(key).then(async (e) =>
          e === undefined ? [] : decodePosting(e.startsWith('@') ? await load(`grams/long-${e.slice(1)}.txt`) : e),
        ),
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
  const pairs = [
    ...new Set(
      Array.from(squeeze(folded).text.replace(/\s+/g, '')).flatMap((_, i, chars) =>
        i + 1 < chars.length ? [chars[i]! + chars[i + 1]!] : [],
      ),
    ),
  ];
  await Promise.all(pairs.flatMap((pair) => [words(WORDS + pair), posting(pair)]));
  const vocabulary = new Set(pairs.flatMap((pair) => wordLists.get(WORDS + pair)!));
  // Everyday words of the general wordnet the query holds, from the shards its pairs already brought.
  const squeezedQuery = squeeze(folded).text.replace(/\s+/g, '');
  const related: Record<string, string[]> = {};
  const synonyms: Record<string, string[]> = {};
  for (const pair of pairs) {
    for (const [word, terms] of decodeRelated(await entry(RELATED + pair))) if (squeezedQuery.includes(word)) related[word] = terms;
    // The synonyms dataset's everyday words the query holds, from the same shards.
    for (const [word, terms] of decodeRelated(await entry(SYNONYMS + pair))) if (squeezedQuery.includes(word)) synonyms[word] = terms;
  }
  // The target and tracker names sharing a pair with the query: which answer files it may need.
  const answerNames = new Map<string, AnswerName>();
  for (const pair of pairs)
    for (const item of ((await entry(ANSWER_NAMES + pair)) ?? '').split(' ').filter(Boolean))
      answerNames.set(item, { kind: item[0] === 't' ? 'target' : 'figure', key: item.slice(2) });
  const plan = planQuery(folded, {
    isWord: (word) => vocabulary.has(word) || word in related,
    related,
    synonyms,
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
      const keys = chars
        .slice(0, -1)
        .map((ch, i) => pinyinKey(ch + chars[i + 1]!, pinyin.get))
        .filter((k): k is string => Boolean(k));
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
        const pairHeld = await Promise.all(chars.slice(0, -1).map(async (ch, i) => (await posting(ch + chars[i + 1]!)).length > 0));
        const i = suspectCharacter(pairHeld);
        const reading = i === undefined ? undefined : pinyin.get(chars[i]!);
        if (i !== undefined && reading)
          for (const other of (await homophones(reading)).filter((h) => h !== chars[i]).slice(0, MAX_HOMOPHONES)) {
            const corrected = [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
            if ((await holders(corrected)).length > 0) fixed.add(corrected);
          }
      }
      if (fixed.size === 0) continue;
      plan.alternatives[term] = [...fixed];
      // A word's correction inside a phrase's correction already offered (带压 → 带押 in 带压过户 → 带押过户) is not offered again.
      for (const to of fixed)
        if (!suggestions.some((s) => s.to === to || (s.from.includes(term) && s.to.includes(to)))) suggestions.push({ from: term, to });
      changed = true;
    }
    return changed;
  };
  // Terms whose pairs no record holds all of are corrected before searching; terms found nowhere whole, after.
  const allTerms = [...new Set([...plan.phrases, ...plan.words])];
  const absent = (await Promise.all(allTerms.map(async (t) => ((await holders(t)).length === 0 ? t : undefined)))).filter(
    (t): t is string => Boolean(t),
  );
  await correct(absent);
  plan.characters = backOffCharacters(plan, absent);
  const answering = answerCard();
  const first = await rank();
  const response = first.exact || first.unmatched.length === 0 || !(await correct(first.unmatched)) ? first : await rank();
  return { ...response, card: await answering };

  /** The card from the records filed under what the query names, read beside the ranking. */
  async function answerCard(): Promise<AnswerCard | undefined> {
    const query = {
      text: answerKey(folded),
      regions: plan.regions,
      otherForms: [...Object.values(plan.alternatives).flat(), ...Object.values(plan.names)],
    };
    try {
      const records: Partial<Record<AnswerKind, AnswerRecords[AnswerKind]>> = {};
      for (const { kind, key } of wantedAnswerKeys(query, [...answerNames.values()])) {
        const found = await index.answers(kind, key);
        // A record filed under several keys (a tracker's names) is taken once.
        records[kind] = [...new Map([...(records[kind] ?? []), ...found].map((r) => [r.url, r])).values()] as AnswerRecords[AnswerKind];
      }
      return chooseAnswerCard(query, records as Partial<AnswerRecords>);
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
    const statistics = {
      records: meta.records,
      averageLength: meta.averageLength,
      documentFrequency: (g: string) => documentFrequency.get(g) ?? 0,
    };
    const inTitle = new Set(title.flat());
    const inRegion = (id: number) => plan.regions.length > 0 && facets[id]!.regions.some((r) => plan.regions.includes(r));
    const filters = activeFilters(options);
    const passes = (id: number) => passesFilters(facets[id]!, filters);

    // Exact: the records holding every pair of every phrase (in some form) may hold the query whole.
    const holdersOfAny = async (term: string) =>
      [...new Set((await Promise.all(formsOf(plan, term).map(holders))).flat())].sort((a, b) => a - b);
    const phraseHolders =
      plan.phrases.length === 0 ? [] : (await Promise.all(plan.phrases.map(holdersOfAny))).reduce((a, b) => intersect(a, b));
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

  /** Ranks the candidates (best-placed first), reading at most `limit` chunks' worth of records. */
  async function check(
    ordered: readonly number[],
    limit: number,
    statistics: Parameters<typeof findRecords>[2],
    passes: (id: number) => boolean,
  ): Promise<ShardedSearchResponse> {
    const chunkOf = (id: number) => Math.floor(id / meta.chunkSize);
    const readChunks = async (chunks: readonly number[], keep: ReadonlySet<number>): Promise<PreparedRecord[]> => {
      const loaded = await Promise.all(
        chunks.map(async (chunk) => ({ chunk, records: JSON.parse(await load(`records/${chunk}.json`)) as IndexedRecord[] })),
      );
      return loaded.flatMap(({ chunk, records }) =>
        prepareRecords(
          records.filter((_, i) => keep.has(chunk * meta.chunkSize + i)),
          fold,
        ),
      );
    };
    // The budget is in records, `limit` full chunks' worth: a group's last chunk holds fewer than chunkSize
    // (index-layout.ts), and costs as much less; the number of files is bounded too, as each is a request.
    const budget = limit * meta.chunkSize;
    const maxFiles = FILES_PER_CHUNK_BUDGET * limit;
    const recordsIn = (chunk: number) => {
      let n = 0;
      for (let id = chunk * meta.chunkSize; id < (chunk + 1) * meta.chunkSize; id++) if (facets[id] !== undefined) n++;
      return n;
    };
    const all = [...new Set(ordered.map(chunkOf))];
    if (all.length <= maxFiles && all.reduce((sum, chunk) => sum + recordsIn(chunk), 0) <= budget)
      return {
        ...findRecords(await readChunks(all, new Set(ordered)), plan, statistics, options),
        complete: true,
        plan,
        suggestions,
        pinyin: pinyinSearched,
      };
    // Too many to check: the best-placed that pass the filters, each kind (policies, briefings, task rows…) in turn,
    // so one kind's many candidates cannot crowd out the others.
    const kept = ordered.filter(passes);
    const queues = [...groupBy(kept, (id) => facets[id]!.kind).values()].map((ids) => [...new Set(ids.map(chunkOf))]);
    const chosen = new Set<number>();
    let read = 0;
    choosing: for (let round = 0; queues.some((q) => round < q.length); round++)
      for (const queue of queues) {
        const chunk = queue[round];
        if (chunk === undefined || chosen.has(chunk)) continue;
        const records = recordsIn(chunk);
        if (chosen.size === maxFiles || read + records > budget) break choosing;
        chosen.add(chunk);
        read += records;
      }
    const response = findRecords(await readChunks([...chosen], new Set(kept)), plan, statistics, options);
    // Counts from the candidates, not all checked.
    const estimate = { ...countFacets(ordered.map((id) => facets[id]!)), indicator: response.facets.indicator };
    return {
      ...response,
      total: Math.max(response.total, kept.length),
      facets: estimate,
      complete: false,
      plan,
      suggestions,
      pinyin: pinyinSearched,
    };
  }
}
