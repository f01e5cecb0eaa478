/**
 * The site's search engine: every query term must occur, as a whole phrase,
 * in a record's folded text. Chinese needs no word segmentation this way:
 * 营商 finds 营商环境, 区政数局 finds only 区政数局, and a highlight always
 * covers the whole term typed, never a lone character of it. Records are
 * ranked by how rare the terms are, how often and how early they occur, and
 * whether the title names them. Pure: runs in the browser and in tests.
 */

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
  /** Excerpt as parts; `marked` parts are whole query terms. */
  excerpt: { text: string; marked: boolean }[];
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  /** Counts per facet value over all matching records (before facet filtering). */
  facets: Record<Facet, Record<string, number>>;
}

export interface PreparedRecord extends IndexedRecord {
  foldedTitle: string;
  foldedText: string;
}

export function prepareRecords(records: readonly IndexedRecord[], fold: (text: string) => string): PreparedRecord[] {
  return records.map((r) => ({ ...r, foldedTitle: fold(r.title), foldedText: fold(r.text) }));
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

const facetValues = (record: IndexedRecord, facet: Facet): string[] =>
  facet === 'kind' ? [record.kind] : facet === 'region' ? record.regions : facet === 'indicator' ? record.indicators : record.year ? [record.year] : [];

/** Around the first occurrence of the rarest term, every occurrence of every term marked. */
export function buildExcerpt(record: PreparedRecord, terms: readonly string[], around = 36): SearchHit['excerpt'] {
  const chars = Array.from(record.text);
  const folded = Array.from(record.foldedText);
  const foldedString = folded.join('');
  const firsts = terms.map((t) => foldedString.indexOf(t)).filter((i) => i >= 0);
  // indexOf counts UTF-16 units; convert to a code point index.
  const unitToPoint = (unit: number) => Array.from(foldedString.slice(0, unit)).length;
  const anchor = firsts.length > 0 ? unitToPoint(Math.min(...firsts)) : 0;
  const start = Math.max(0, anchor - around);
  const end = Math.min(chars.length, anchor + around * 2);
  const window = folded.slice(start, end).join('');
  const marks = new Array<boolean>(end - start).fill(false);
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    for (const unit of occurrences(window, term)) {
      const from = Array.from(window.slice(0, unit)).length;
      const length = Array.from(term).length;
      for (let i = from; i < from + length; i++) marks[i] = true;
    }
  }
  const parts: SearchHit['excerpt'] = [];
  for (let i = 0; i < marks.length; i++) {
    const ch = chars[start + i]!.replace(/\s/, ' ');
    const last = parts.at(-1);
    if (last && last.marked === marks[i]) last.text += ch;
    else parts.push({ text: ch, marked: marks[i]! });
  }
  if (start > 0) parts.unshift({ text: '…', marked: false });
  if (end < chars.length) parts.push({ text: '…', marked: false });
  return parts;
}

/**
 * Runs the query variants (see search-text.ts) and merges them: a record's
 * score is its best over the variants.
 */
export function findRecords(records: readonly PreparedRecord[], variants: readonly string[], options: SearchOptions = {}): SearchResponse {
  const best = new Map<PreparedRecord, { score: number; terms: string[] }>();
  for (const variant of variants) {
    const terms = variant.split(' ').filter(Boolean);
    if (terms.length === 0) continue;
    const matching = records.filter((r) => terms.every((t) => r.foldedText.includes(t) || r.foldedTitle.includes(t)));
    const idf = new Map(terms.map((t) => [t, Math.log(1 + records.length / (1 + matching.filter((r) => r.foldedText.includes(t) || r.foldedTitle.includes(t)).length))]));
    for (const record of matching) {
      let score = 0;
      for (const term of terms) {
        const inText = occurrences(record.foldedText, term);
        const first = inText[0] ?? record.foldedText.length;
        const weight = idf.get(term)! * Array.from(term).length;
        score += weight * (1 + Math.log(1 + inText.length)) / (1 + Math.sqrt(record.foldedText.length) / 40);
        score += weight * 0.5 * (1 - Math.min(first, 400) / 400);
        // The larger the share of the title the term makes up, the more the record is about it: an
        // indicator named by the term outranks each region's assignment of it. Squared, so that only
        // a title that is mostly the term comes near one that is exactly the term.
        if (record.foldedTitle.includes(term)) score += weight * (2 + 4 * (Array.from(term).length / Array.from(record.foldedTitle).length) ** 2);
      }
      const known = best.get(record);
      if (!known || score > known.score) best.set(record, { score, terms });
    }
  }
  const all = [...best.entries()];
  const facets = { kind: {}, region: {}, indicator: {}, year: {} } as SearchResponse['facets'];
  for (const [record] of all)
    for (const facet of Object.keys(facets) as Facet[])
      for (const value of facetValues(record, facet)) facets[facet][value] = (facets[facet][value] ?? 0) + 1;
  const filters = Object.entries(options.filters ?? {}).filter(([, v]) => v) as [Facet, string][];
  const kept = all.filter(([record]) => filters.every(([facet, value]) => facetValues(record, facet).includes(value)));
  kept.sort(([a, x], [b, y]) =>
    options.sortByDate ? (b.date ?? '').localeCompare(a.date ?? '') || y.score - x.score : y.score - x.score || a.url.localeCompare(b.url),
  );
  const hits = kept.slice(0, options.limit ?? 20).map(([record, { score, terms }]) => ({ record, score, excerpt: buildExcerpt(record, terms) }));
  return { hits, total: kept.length, facets };
}
