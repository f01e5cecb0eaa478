/**
 * Text folding shared by the index build and the search page: the same text
 * must match however a reader types it — traditional or variant characters,
 * full-width letters and digits, upper case, or punctuation inside a name
 * (帕塔尔·胡加买提, 基本公共服务满意度—卫生, 湖办发〔2023〕8号).
 */

/** Traditional or variant character → simplified; undefined when the character needs no change. */
export type CharacterFolding = (ch: string) => string | undefined;

/**
 * One character folded: width and case (Ａ → a, ５ → 5, （ → (), traditional → simplified.
 * Always exactly one character out, so positions in folded text are positions in the original.
 */
export function foldChar(ch: string, traditional: CharacterFolding): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  if (Array.from(folded).length !== 1) return traditional(ch) ?? ch;
  return traditional(folded) ?? folded;
}

/** foldChar over a whole text, each character's folding remembered (the index build folds the whole site). */
export function textFolder(traditional: CharacterFolding): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let out = '';
    for (const ch of text) {
      let f = folded.get(ch);
      if (f === undefined) folded.set(ch, (f = foldChar(ch, traditional)));
      out += f;
    }
    return out;
  };
}

/**
 * Punctuation that may or may not be typed inside a name or a document
 * number, so that matching ignores it: middle dots, hyphens and dashes, 、,
 * quotation marks, book-title marks and brackets (after folding, so full-width
 * forms are included).
 */
const NAME_PUNCTUATION = new Set(Array.from('·•・‧-‐‑‒–—―、“”"\'‘’《》〈〉<>「」『』〔〕[]()【】〖〗'));

export function isNamePunctuation(ch: string): boolean {
  return NAME_PUNCTUATION.has(ch);
}

/**
 * Folded text without name punctuation, and for each character left the
 * position (in code points) it had, so an excerpt can mark the original.
 */
export function squeeze(folded: string): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  let at = 0;
  for (const ch of folded) {
    if (!NAME_PUNCTUATION.has(ch)) {
      text += ch;
      positions.push(at);
    }
    at += 1;
  }
  return { text, positions };
}

/** Separators between query terms. */
export const TERM_SEPARATORS = /[\s,，;；。.!！?？:：]+/u;
