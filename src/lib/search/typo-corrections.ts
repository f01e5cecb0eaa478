/**
 * Corrections of a mistyped term from the site's vocabulary: a word with the
 * same pinyin (营商环竟 → 营商环境, 开半企业 → 开办企业) or, for words of
 * three characters or more, one character off. Pure.
 */

/** Toneless pinyin of a word, character by character; undefined when a character has none. */
export function wordPinyin(word: string, pinyinOf: (ch: string) => string | undefined): string | undefined {
  let out = '';
  for (const ch of word) {
    const p = pinyinOf(ch);
    if (!p) return undefined;
    out += `${p} `;
  }
  return out.trim();
}

/** The key a word is filed under for pinyin look-up: the pinyin of its first two characters. */
export function pinyinKey(word: string, pinyinOf: (ch: string) => string | undefined): string | undefined {
  const chars = Array.from(word);
  return chars.length < 2 ? undefined : wordPinyin(chars.slice(0, 2).join(''), pinyinOf);
}

export interface Correction {
  /** The part of the term replaced. */
  from: string;
  /** The vocabulary word put instead. */
  to: string;
}

/**
 * Vocabulary words that fit a stretch of `term`: same pinyin, or one character
 * off (three characters or more). `byPinyin(key)` lists words filed under a
 * pinyin key; `byFirstPair(pair)` lists words starting with two characters.
 * Longest fits first.
 */
export function corrections(
  term: string,
  pinyinOf: (ch: string) => string | undefined,
  byPinyin: (key: string) => readonly string[],
  byFirstPair: (pair: string) => readonly string[],
): Correction[] {
  const chars = Array.from(term);
  const found = new Map<string, Correction>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const key = pinyinKey(chars[i]! + chars[i + 1]!, pinyinOf);
    for (const word of key ? byPinyin(key) : []) {
      const size = Array.from(word).length;
      const stretch = chars.slice(i, i + size).join('');
      if (Array.from(stretch).length === size && stretch !== word && wordPinyin(stretch, pinyinOf) === wordPinyin(word, pinyinOf))
        found.set(`${stretch}→${word}`, { from: stretch, to: word });
    }
    for (const word of byFirstPair(chars[i]! + chars[i + 1]!)) {
      const wordChars = Array.from(word);
      if (wordChars.length < 3 || i + wordChars.length > chars.length) continue;
      const stretch = chars.slice(i, i + wordChars.length);
      if (wordChars.filter((ch, n) => ch !== stretch[n]).length === 1)
        found.set(`${stretch.join('')}→${word}`, { from: stretch.join(''), to: word });
    }
  }
  return [...found.values()].sort((a, b) => Array.from(b.to).length - Array.from(a.to).length);
}

/**
 * The one character of a term that a single typo explains, from which of its adjacent pairs the index holds
 * (`pairHeld[i]` for characters i and i + 1): a mistyped character breaks the pairs beside it, so every missing
 * pair must be beside it, and of those characters the one with the largest share of its pairs missing is the
 * suspect (营商环竟: 竟, whose only pair is missing, rather than 环, whose other pair is held; 带压过户: 压).
 * Undefined when no one character explains them: a two-character word (开个: either character), or a run of
 * spoken words no record holds (钱一直不结): such a term is not one typo, and trying homophones would offer nonsense.
 */
export function suspectCharacter(pairHeld: readonly boolean[]): number | undefined {
  const missingPairs = pairHeld.flatMap((held, i) => (held ? [] : [i]));
  if (missingPairs.length === 0) return undefined;
  const characters = pairHeld.length + 1;
  const candidates: { index: number; share: number }[] = [];
  for (let i = 0; i < characters; i++) {
    const beside = [i - 1, i].filter((pair) => pair >= 0 && pair < pairHeld.length);
    if (!missingPairs.every((pair) => beside.includes(pair))) continue;
    candidates.push({ index: i, share: missingPairs.length / beside.length });
  }
  const best = Math.max(0, ...candidates.map((c) => c.share));
  const top = candidates.filter((c) => c.share === best);
  return top.length === 1 ? top[0]!.index : undefined;
}
