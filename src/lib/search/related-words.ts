/**
 * Everyday words the site's text does not use, mapped to words it does use
 * in the same sense, from a general Chinese wordnet (the Chinese Open
 * Wordnet, vendored in vendor/chinese-open-wordnet with its license). Pure.
 *
 * Restricted at build time to the site: a synset counts only when one of its
 * words occurs in the site's text, and only the words the site does not use
 * are kept, each pointing to the site's words of the same synset (企业倒闭:
 * 倒闭 → 破产). The hand-kept synonyms dataset wins: a word it lists takes
 * its forms from there and none from here.
 */
import { slotOf } from './search-postings.ts';

/** Words shorter or longer than this are left out: one character is too ambiguous, longer entries are glosses. */
const MIN_WORD = 2;
const MAX_WORD = 6;
/** At most this many site words for one everyday word: a word in many synsets is vague. */
const MAX_RELATED = 3;
/** A word in more synsets than this has too many senses to expand safely (工作, 做). */
const MAX_SENSES = 4;

/** The synsets of a wordnet's `synset<TAB>lang:lemma<TAB>word` lines: the words of each, Han characters only. */
export function parseWordnet(tab: string): string[][] {
  const synsets = new Map<string, string[]>();
  for (const line of tab.split('\n')) {
    if (line.startsWith('#')) continue;
    const [synset, type, word] = line.split('\t');
    if (!synset || !type?.endsWith(':lemma') || !word) continue;
    const clean = word.trim();
    const length = Array.from(clean).length;
    if (length < MIN_WORD || length > MAX_WORD || !/^\p{Script=Han}+$/u.test(clean)) continue;
    if (!synsets.has(synset)) synsets.set(synset, []);
    if (!synsets.get(synset)!.includes(clean)) synsets.get(synset)!.push(clean);
  }
  return [...synsets.values()].filter((words) => words.length > 1);
}

/**
 * Everyday word → the site's words of its senses. `occurs` says whether the
 * site's text holds a word; `ownForms` lists the words the synonyms dataset
 * already maps, which are left to it.
 */
export function relatedWords(
  synsets: readonly (readonly string[])[],
  occurs: (word: string) => boolean,
  ownForms: ReadonlySet<string> = new Set(),
): Record<string, string[]> {
  const senses = new Map<string, number>();
  for (const words of synsets) for (const word of words) senses.set(word, (senses.get(word) ?? 0) + 1);
  const related = new Map<string, string[]>();
  for (const words of synsets) {
    const used = words.filter(occurs);
    if (used.length === 0) continue;
    for (const word of words) {
      if (used.includes(word) || ownForms.has(word) || senses.get(word)! > MAX_SENSES) continue;
      const list = related.get(word) ?? [];
      for (const term of used) if (!list.includes(term) && !term.includes(word) && !word.includes(term)) list.push(term);
      related.set(word, list);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [word, terms] of [...related].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (terms.length > 0) out[word] = terms.slice(0, MAX_RELATED);
  return out;
}

/** Slots of the table that tells, without a Map lookup, that no word is left under a key: a few per cent full. */
const SLOTS = 1 << 21;

/**
 * Words filed under integer keys, with a count of the keys that still hold words in each slot: most places of a
 * text have a key under which no word is (left), and a typed-array read is cheaper than a Map lookup.
 */
class WordsByKey {
  private readonly lists = new Map<number, string[]>();
  private readonly live = new Uint16Array(SLOTS);

  add(key: number, word: string): void {
    const list = this.lists.get(key);
    if (list) list.push(word);
    else {
      this.lists.set(key, [word]);
      this.live[slotOf(key, SLOTS)]! += 1;
    }
  }

  get size(): number {
    return this.lists.size;
  }

  /** Adds to `found` the words under `key` that `text` holds at `at`, and files them no longer: each is looked for until found once. */
  findAt(key: number, text: string, at: number, found: Set<string>): void {
    if (this.live[slotOf(key, SLOTS)] === 0) return;
    const candidates = this.lists.get(key);
    if (!candidates) return;
    for (let n = candidates.length - 1; n >= 0; n--) {
      if (!text.startsWith(candidates[n]!, at)) continue;
      found.add(candidates[n]!);
      candidates.splice(n, 1);
    }
    if (candidates.length > 0) return;
    this.lists.delete(key);
    this.live[slotOf(key, SLOTS)]! -= 1;
  }
}

/**
 * Which of `words` occur in any of `texts`. Each text is read once; at each
 * place, the words of two code units are looked up by the pair found there,
 * and longer words by the first three code units, so a common pair (发展,
 * 企业) costs one lookup rather than a comparison with each of the dozens of
 * words it starts. Collecting every substring of a province's text instead
 * took minutes and gigabytes.
 */
export function wordsOccurring(words: Iterable<string>, texts: Iterable<string>): Set<string> {
  // Keys kept below 2^30 so that V8 stores them as small integers; two starts sharing a key only cost a comparison.
  const pairKey = (text: string, at: number) => ((text.charCodeAt(at) & 0x7fff) << 15) | (text.charCodeAt(at + 1) & 0x7fff);
  const tripleKey = (pair: number, third: number) => (Math.imul(pair, 0x01000193) ^ third) & 0x3fffffff;
  const pairs = new WordsByKey();
  const triples = new WordsByKey();
  for (const word of new Set(words)) {
    if (word.length === 2) pairs.add(pairKey(word, 0), word);
    else if (word.length > 2) triples.add(tripleKey(pairKey(word, 0), word.charCodeAt(2)), word);
  }
  const found = new Set<string>();
  for (const text of texts) {
    if (pairs.size + triples.size === 0) break;
    const last = text.length - 1;
    for (let i = 0; i < last; i++) {
      const pair = pairKey(text, i);
      pairs.findAt(pair, text, i, found);
      if (i + 1 < last) triples.findAt(tripleKey(pair, text.charCodeAt(i + 2)), text, i, found);
    }
  }
  return found;
}

/** The entry of words and their other forms filed under a pair (the wordnet's related words, the synonyms dataset's terms): `word=term,term word=term…`. */
export function encodeRelated(entries: readonly [string, readonly string[]][]): string {
  return entries.map(([word, terms]) => `${word}=${terms.join(',')}`).join(' ');
}

export function decodeRelated(entry: string | undefined): [string, string[]][] {
  if (!entry) return [];
  return entry.split(' ').map((item) => {
    const [word, terms] = item.split('=') as [string, string];
    return [word, terms.split(',')];
  });
}
