/**
 * Ranking: from exact to approximate. A record holding the query's phrases
 * whole comes first (ranked as before by rarity, frequency, position and
 * title share of the terms); then records by how many of the query's words
 * they hold whole; within that, records of a region the query names; then a
 * BM25 score over the query's character pairs (the approach of Lucene's
 * CJKBigramFilter), so a record holding most of the pairs is found even
 * when the whole string is not. Highlights cover whole words, never a lone
 * character unless the query is one character. Pure.
 */
import { termGrams } from './grams.ts';
import type { QueryPlan } from './query-understanding.ts';
import { squeeze } from './search-text.ts';

/** A record as shipped to the browser (search-index/records/*.json). */
export interface IndexedRecord {
  url: string;
  title: string;
  /** Text as published: shown in excerpts. */
  text: string;
  kind: string;
  regions: string[];
  indicators: string[];
  year?: string | undefined;
  date?: string | undefined;
}

export type Facet = 'kind' | 'region' | 'indicator' | 'year';

export interface SearchOptions {
  filters?: Partial<Record<Facet, string>>;
  sortByDate?: boolean;
  limit?: number;
}

export interface SearchHit {
  record: IndexedRecord;
  score: number;
  /** Whether the record holds every phrase of the query whole. */
  exact: boolean;
  /** Excerpt as parts; `marked` parts are whole query words. */
  excerpt: { text: string; marked: boolean }[];
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  /** Whether any record holds every phrase of the query whole (else the results are approximate). */
  exact: boolean;
  /** Phrases and words of the query no record checked holds whole, in any form. */
  unmatched: string[];
  /** Counts per facet value over all matching records (before facet filtering). */
  facets: Record<Facet, Record<string, number>>;
}

export interface PreparedRecord extends IndexedRecord {
  /** Folded, without name punctuation (see search-text.ts). */
  matchTitle: string;
  matchText: string;
  /** Code point position in `text` of each character of `matchText`. */
  positions: number[];
}

export function prepareRecords(records: readonly IndexedRecord[], fold: (text: string) => string): PreparedRecord[] {
  return records.map((r) => {
    const text = squeeze(fold(r.text));
    return { ...r, matchTitle: squeeze(fold(r.title)).text, matchText: text.text, positions: text.positions };
  });
}

/** How many records (of the whole index) hold a gram, and how many records there are. */
export interface CorpusStatistics {
  records: number;
  documentFrequency: (gram: string) => number;
  averageLength: number;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/** What facets are read from: a record, or the kind, regions and year the index's meta file knows of every record. */
export type FacetedRecord = Pick<IndexedRecord, 'kind' | 'regions' | 'year'> & { indicators?: readonly string[] };

/** A record's values for a facet; undefined when not known (the meta file knows no indicators). */
const facetValues = (record: FacetedRecord, facet: Facet): readonly string[] | undefined =>
  facet === 'kind'
    ? [record.kind]
    : facet === 'region'
      ? record.regions
      : facet === 'indicator'
        ? record.indicators
        : record.year
          ? [record.year]
          : [];

/** The filters chosen on the page, empty ones left out. */
export const activeFilters = (options: SearchOptions): [Facet, string][] =>
  Object.entries(options.filters ?? {}).filter(([, v]) => v) as [Facet, string][];

/** Whether a record passes every filter; a facet it does not know of does not hold it back. */
export const passesFilters = (record: FacetedRecord, filters: readonly [Facet, string][]): boolean =>
  filters.every(([facet, value]) => facetValues(record, facet)?.includes(value) ?? true);

/** How many records have each value of each facet. */
export function countFacets(records: Iterable<FacetedRecord>): SearchResponse['facets'] {
  const facets = { kind: {}, region: {}, indicator: {}, year: {} } as SearchResponse['facets'];
  for (const record of records)
    for (const facet of Object.keys(facets) as Facet[])
      for (const value of facetValues(record, facet) ?? []) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
  return facets;
}

const length = (text: string) => Array.from(text).length;

/** Every occurrence of every term marked, around the first occurrence of any. */
export function buildExcerpt(record: PreparedRecord, terms: readonly string[], around = 36): SearchHit['excerpt'] {
  const chars = Array.from(record.text);
  const matchChars = Array.from(record.matchText);
  // indexOf counts UTF-16 units; convert to a code point index of matchText, then to one of text.
  const unitToPoint = (text: string, unit: number) => Array.from(text.slice(0, unit)).length;
  const marks = new Array<boolean>(chars.length).fill(false);
  let first = Infinity;
  for (const term of terms) {
    const size = length(term);
    for (const unit of occurrences(record.matchText, term)) {
      const from = unitToPoint(record.matchText, unit);
      const start = record.positions[from]!;
      const end = record.positions[Math.min(from + size - 1, matchChars.length - 1)]!;
      first = Math.min(first, start);
      for (let i = start; i <= end; i++) marks[i] = true;
    }
  }
  const anchor = first === Infinity ? 0 : first;
  let start = Math.max(0, anchor - around);
  let end = Math.min(chars.length, anchor + around * 2);
  // Never cut a marked word at the window's edge.
  while (start > 0 && marks[start] && marks[start - 1]) start -= 1;
  while (end < chars.length && marks[end - 1] && marks[end]) end += 1;
  const parts: SearchHit['excerpt'] = [];
  for (let i = start; i < end; i++) {
    const ch = chars[i]!.replace(/\s/, ' ');
    const last = parts.at(-1);
    if (last && last.marked === marks[i]) last.text += ch;
    else parts.push({ text: ch, marked: marks[i]! });
  }
  if (start > 0) parts.unshift({ text: '…', marked: false });
  if (end < chars.length) parts.push({ text: '…', marked: false });
  return parts;
}

/** The forms a term may take, with their weight: itself and the indicator's own name fully, other forms (synonyms, corrections) a little less, related words from the wordnet less still. */
export const weightedForms = (plan: QueryPlan, term: string): { form: string; weight: number }[] => [
  { form: term, weight: 1 },
  ...(plan.names[term] ? [{ form: plan.names[term], weight: 1 }] : []),
  ...(plan.alternatives[term] ?? []).map((form) => ({ form, weight: ALTERNATIVE_WEIGHT })),
  ...(plan.related?.[term] ?? []).map((form) => ({ form, weight: RELATED_WEIGHT })),
];

export const formsOf = (plan: QueryPlan, term: string): string[] => weightedForms(plan, term).map((f) => f.form);

/** The grams whose postings decide candidates and BM25: every pair of every phrase, word and alternative form, and the back-off characters. */
export function planGrams(plan: QueryPlan): string[] {
  return [
    ...new Set([...[...plan.phrases, ...plan.words].flatMap((t) => formsOf(plan, t)).flatMap(termGrams), ...(plan.characters ?? [])]),
  ];
}

const ALTERNATIVE_WEIGHT = 0.7;
/** A word of the same sense from the general wordnet counts less than the staff's synonyms. */
const RELATED_WEIGHT = 0.5;
const K1 = 1.2;
const B = 0.75;

/** Results of one page (a task list, a policy) shown at most this many in a row before the next page's best. */
const MAX_IN_A_ROW = 2;

/**
 * The ranked results with no page crowding out the others: after MAX_IN_A_ROW results of one page, the best
 * result of another page comes next, so the first screen shows the indicator or section beside the rows of
 * one long table, as a search engine collapses one site's many hits.
 */
export function withoutCrowding<T>(ranked: readonly T[], pageOf: (item: T) => string): T[] {
  const rest = [...ranked];
  const out: T[] = [];
  while (rest.length > 0) {
    const last = out.slice(-MAX_IN_A_ROW).map(pageOf);
    const crowded = last.length === MAX_IN_A_ROW && last.every((p) => p === last[0]);
    const next = crowded ? rest.findIndex((item) => pageOf(item) !== last[0]) : 0;
    out.push(...rest.splice(next === -1 ? 0 : next, 1));
  }
  return out;
}

/**
 * Ranks `records` (the candidates) for the plan. `statistics` gives
 * document frequencies over the whole index for BM25.
 */
export function findRecords(
  records: readonly PreparedRecord[],
  plan: QueryPlan,
  statistics: CorpusStatistics,
  options: SearchOptions = {},
): SearchResponse {
  const holds = (r: PreparedRecord, term: string) => r.matchText.includes(term) || r.matchTitle.includes(term);
  // The term as typed counts fully; another form of it (synonym, correction) a little less.
  const presentForms = (r: PreparedRecord, term: string) => weightedForms(plan, term).filter(({ form }) => holds(r, form));
  const rarity = new Map<string, number>();
  const idfAmong = (form: string) => {
    let idf = rarity.get(form);
    if (idf === undefined) rarity.set(form, (idf = Math.log(1 + statistics.records / (1 + records.filter((r) => holds(r, form)).length))));
    return idf;
  };
  const grams = planGrams(plan);
  const gramIdf = new Map(
    grams.map((g) => [
      g,
      Math.log(1 + (statistics.records - statistics.documentFrequency(g) + 0.5) / (statistics.documentFrequency(g) + 0.5)),
    ]),
  );
  const wordWeight = (w: string) => length(w);
  const termScore = (record: PreparedRecord, term: string) => {
    const inText = occurrences(record.matchText, term);
    const first = inText[0] ?? record.matchText.length;
    const weight = idfAmong(term) * length(term);
    let score = (weight * (1 + Math.log(1 + inText.length))) / (1 + Math.sqrt(record.matchText.length) / 40);
    score += weight * 0.5 * (1 - Math.min(first, 400) / 400);
    // The larger the share of the title the term makes up, the more the record is about it: an indicator named by
    // the term outranks each region's assignment of it. Squared, so only a title mostly the term comes near one exactly it.
    if (record.matchTitle.includes(term)) score += weight * (2 + 4 * (length(term) / length(record.matchTitle)) ** 2);
    return score;
  };
  const totalWordWeight = plan.words.reduce((sum, w) => sum + wordWeight(w), 0) || 1;

  const scored: {
    record: PreparedRecord;
    exact: boolean;
    typed: boolean;
    coverage: number;
    region: boolean;
    score: number;
    bm25: number;
    marks: string[];
  }[] = [];
  let bestBm25 = 0;
  for (const record of records) {
    const phraseForms = plan.phrases.map((p) => presentForms(record, p));
    const exact = plan.phrases.length > 0 && phraseForms.every((forms) => forms.length > 0);
    // Holding the phrases as typed (or by the indicator's own name) comes before holding them only in other forms.
    const typed = exact && phraseForms.every((forms) => forms.some((f) => f.weight === 1));
    const wordForms = plan.words.map((w) => presentForms(record, w));
    const coverage = plan.words.reduce((sum, w, i) => sum + (wordForms[i]!.length > 0 ? wordWeight(w) : 0), 0) / totalWordWeight;
    // Whole-term score, as for exact phrases: rarity × length, frequency, position, share of the title; the best form of each term.
    const units = exact ? phraseForms : wordForms.filter((forms) => forms.length > 0);
    let score = 0;
    for (const forms of units) score += Math.max(...forms.map(({ form, weight }) => weight * termScore(record, form)));
    // BM25 over character pairs.
    let bm25 = 0;
    const docLength = length(record.matchText);
    for (const gram of grams) {
      const tf = occurrences(record.matchText, gram).length + (record.matchTitle.includes(gram) ? 1 : 0);
      if (tf === 0) continue;
      bm25 += (gramIdf.get(gram)! * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docLength) / (statistics.averageLength || 1)));
    }
    bestBm25 = Math.max(bestBm25, bm25);
    const region = plan.regions.length > 0 && record.regions.some((r) => plan.regions.includes(r));
    const oneCharacterQuery = plan.phrases.length === 1 && length(plan.phrases[0]!) === 1;
    // Whole phrases when the record holds the query whole; else the words it holds.
    const marks = [...new Set(units.flat().map((f) => f.form))].filter((t) => length(t) >= 2 || oneCharacterQuery);
    // Between records holding the query whole, pairs only break ties.
    scored.push({ record, exact, typed, coverage, region, score: score + (exact ? 0 : 1) * bm25, bm25, marks });
  }
  // With no record holding the whole query, approximate results must hold one of its words whole or a good share of its pairs.
  const exact = scored.some((s) => s.exact);
  const all = scored.filter((s) => (exact ? s.exact : s.coverage > 0 || (s.bm25 > 0 && s.bm25 >= 0.5 * bestBm25)));
  const facets = countFacets(all.map((s) => s.record));
  const filters = activeFilters(options);
  const kept = all.filter(({ record }) => passesFilters(record, filters));
  const tier = (s: (typeof kept)[number]) => Math.round(s.coverage * 4);
  kept.sort((x, y) =>
    options.sortByDate
      ? (y.record.date ?? '').localeCompare(x.record.date ?? '') || y.score - x.score
      : Number(y.region) - Number(x.region) ||
        Number(y.typed) - Number(x.typed) ||
        tier(y) - tier(x) ||
        y.score - x.score ||
        x.record.url.localeCompare(y.record.url),
  );
  const hits = (options.sortByDate ? kept : withoutCrowding(kept, (s) => s.record.url.split('#')[0]!))
    .slice(0, options.limit ?? 20)
    .map(({ record, score, exact, marks }) => ({ record, score, exact, excerpt: buildExcerpt(record, marks) }));
  const unmatched = [...new Set([...plan.phrases, ...plan.words])].filter(
    (term) => !records.some((r) => formsOf(plan, term).some((f) => holds(r, f))),
  );
  return { hits, total: kept.length, exact, unmatched, facets };
}
