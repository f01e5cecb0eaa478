/**
 * Scoring a search engine against a query set: each query lists the URLs a
 * reader would accept (`*` matches any text), and the engine's ranked URLs
 * are scored by hit@1, hit@5, mean reciprocal rank and deep links.
 */

export interface SearchQueryCase {
  /** exact (text as it stands), or how a reader's query differs from the text: run-together, question, traditional, synonym, region+topic, 文号, typo, other-name-form. */
  kind: string;
  query: string;
  /** Why a reader would type it. */
  why: string;
  /** Acceptable result URLs; `*` matches any text. */
  expect: string[];
  /** Everyday words: kept apart from the set the synonym resource was chosen and tuned on. */
  heldOut?: boolean;
  /** Which everyday set, each reported apart: `held-out-2` was written after the first held-out set was used to report on the resource, before the engine was changed for everyday words; `tuning-3` (first held out, as `held-out-3`, before the everyday lexicon of the synonyms dataset was written; reported twice, it has since been a tuning set); `held-out-4` before the engine was changed for its round. */
  set?: string;
  /** Questions with a held answer: the card a reader should see (its kind and a text it must show), or null for none. */
  card?: { kind: string; answer: string } | null;
}

/** The query sets of test/search/, in the order the benchmark reports them. */
export const QUERY_SETS = ['queries', 'everyday', 'pinyin', 'answers'] as const;

/** Every query of the sets, each named set of everyday queries reported as its own kind: `everyday (held out)`, `everyday (held-out-2)`, `everyday (tuning-3)`, `everyday (held-out-4)`. */
export function allQueryCases(read: (file: string) => string): SearchQueryCase[] {
  return QUERY_SETS.flatMap((set) =>
    (JSON.parse(read(`test/search/${set}.json`)) as SearchQueryCase[]).map((c) =>
      c.set || c.heldOut ? { ...c, kind: `${c.kind} (${c.set ?? 'held out'})` } : c,
    ),
  );
}

/** A card as the page showed it: its kind and its text; undefined when none was shown. */
export type ShownCard = { kind: string; text: string } | undefined;

export interface CardQuality {
  queries: number;
  shownAndCorrect: number;
  /** A card for a question that has none, of the wrong kind, or without the expected answer: must be 0. */
  shownAndWrong: number;
  notShown: number;
  /** Questions with no card expected and none shown. */
  rightlyNone: number;
  wrong: string[];
}

export function cardQuality(cases: readonly SearchQueryCase[], shown: readonly ShownCard[]): CardQuality {
  const quality: CardQuality = { queries: 0, shownAndCorrect: 0, shownAndWrong: 0, notShown: 0, rightlyNone: 0, wrong: [] };
  cases.forEach((c, i) => {
    if (c.card === undefined) return;
    quality.queries += 1;
    const card = shown[i];
    if (!card) {
      if (c.card === null) quality.rightlyNone += 1;
      else quality.notShown += 1;
      return;
    }
    if (c.card && card.kind === c.card.kind && card.text.replace(/\s+/g, '').includes(c.card.answer.replace(/\s+/g, '')))
      quality.shownAndCorrect += 1;
    else {
      quality.shownAndWrong += 1;
      quality.wrong.push(`${c.query} → ${card.kind}: ${card.text.slice(0, 60)}`);
    }
  });
  return quality;
}

export interface QueryOutcome {
  query: string;
  /** 1-based rank of the first acceptable result; undefined when none in the results. */
  rank?: number | undefined;
  top: string[];
}

export interface SearchQuality {
  queries: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Share of queries whose first result is acceptable and points at a section or row (#anchor). */
  deepLinkAt1: number;
  /** Queries with no result at all. */
  zeroResults: number;
  misses: QueryOutcome[];
}

export function urlMatcher(patterns: readonly string[]): (url: string) => boolean {
  const regexes = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ),
  );
  return (url) => regexes.some((r) => r.test(decodeURI(url)));
}

export function outcomeOf(testCase: SearchQueryCase, rankedUrls: readonly string[]): QueryOutcome {
  const accept = urlMatcher(testCase.expect);
  const index = rankedUrls.findIndex(accept);
  return { query: testCase.query, rank: index === -1 ? undefined : index + 1, top: rankedUrls.slice(0, 5) };
}

export function searchQuality(outcomes: readonly QueryOutcome[]): SearchQuality {
  const n = outcomes.length || 1;
  const share = (predicate: (o: QueryOutcome) => boolean) => outcomes.filter(predicate).length / n;
  return {
    queries: outcomes.length,
    hitAt1: share((o) => o.rank === 1),
    hitAt5: share((o) => o.rank !== undefined && o.rank <= 5),
    mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
    deepLinkAt1: share((o) => o.rank === 1 && o.top[0]!.includes('#')),
    zeroResults: outcomes.filter((o) => o.top.length === 0).length,
    misses: outcomes.filter((o) => o.rank === undefined || o.rank > 5),
  };
}

/** Quality per kind of query, in the order kinds first appear, then over the natural (not exact) queries and over all. */
export function qualityByKind(
  cases: readonly SearchQueryCase[],
  outcomes: readonly QueryOutcome[],
): { kind: string; quality: SearchQuality }[] {
  const kinds = [...new Set(cases.map((c) => c.kind))];
  const of = (keep: (c: SearchQueryCase) => boolean) => searchQuality(outcomes.filter((_, i) => keep(cases[i]!)));
  return [
    ...kinds.map((kind) => ({ kind, quality: of((c) => c.kind === kind) })),
    { kind: 'natural (all but exact)', quality: of((c) => c.kind !== 'exact') },
    { kind: 'all', quality: of(() => true) },
  ];
}
