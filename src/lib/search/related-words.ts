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

/**
 * Which of `words` occur in any of `texts`. Each text is read once, and at
 * each place only the words starting with the two code units found there are
 * compared: collecting every substring of a province's text instead took
 * minutes and gigabytes.
 */
export function wordsOccurring(words: Iterable<string>, texts: Iterable<string>): Set<string> {
  // Keys kept below 2^30 so that V8 stores them as small integers; two pairs sharing a key only cost a comparison.
  const pairKey = (text: string, at: number) => ((text.charCodeAt(at) & 0x7fff) << 15) | (text.charCodeAt(at + 1) & 0x7fff);
  const byStart = new Map<number, string[]>();
  for (const word of new Set(words)) {
    if (word.length < 2) continue;
    const key = pairKey(word, 0);
    const list = byStart.get(key);
    if (list) list.push(word);
    else byStart.set(key, [word]);
  }
  // A bit per key's low 24 bits: most places of a text start no word, and a bit test is cheaper than a Map lookup.
  const starts = new Uint8Array(1 << 21);
  for (const key of byStart.keys()) starts[(key & 0xffffff) >> 3]! |= 1 << (key & 7);
  const found = new Set<string>();
  for (const text of texts) {
    for (let i = 0; i + 1 < text.length && byStart.size > 0; i++) {
      const key = pairKey(text, i);
      if ((starts[(key & 0xffffff) >> 3]! & (1 << (key & 7))) === 0) continue;
      const candidates = byStart.get(key);
      if (!candidates) continue;
      for (let n = candidates.length - 1; n >= 0; n--) {
        const word = candidates[n]!;
        if (!text.startsWith(word, i)) continue;
        found.add(word);
        // A word found once need not be looked for again.
        candidates.splice(n, 1);
      }
      if (candidates.length === 0) byStart.delete(key);
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
