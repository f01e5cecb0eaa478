/**
 * Query normalisation shared by the search page and the index build: the same
 * text must match however a reader types it — traditional characters,
 * full-width letters and digits, upper case, or another name for an indicator.
 */

export interface QueryVocabulary {
  /** Traditional character → simplified, for the characters the site uses. */
  traditional: Record<string, string>;
  /** Every other name of an indicator → its canonical name. */
  aliases: Record<string, string>;
}

/**
 * One character folded: width and case (Ａ → a, ５ → 5, （ → (), traditional → simplified.
 * Always exactly one character out, so positions in folded text are positions in the original.
 */
export function foldChar(ch: string, traditional: Record<string, string>): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  if (Array.from(folded).length !== 1) return traditional[ch] ?? ch;
  return traditional[folded] ?? folded;
}

/** Width and case folded (ＡＢＣ５Ｇ → abc5g), traditional characters made simplified, character by character. */
export function foldText(text: string, traditional: Record<string, string>): string {
  return Array.from(text, (ch) => foldChar(ch, traditional)).join('');
}

/**
 * foldText with each character's folding remembered: the index build folds
 * the whole site's text, where normalising every character anew is slow.
 */
export function textFolder(traditional: Record<string, string>): (text: string) => string {
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

/** The query folded, with terms separated by single spaces. */
export function normaliseQuery(query: string, vocabulary: QueryVocabulary): string {
  return foldText(query, vocabulary.traditional).split(/[\s,，、;；]+/u).filter(Boolean).join(' ');
}

/**
 * The searches to run for a query: the query itself and, when it uses another
 * name of an indicator, the same query with the indicator's own name — both,
 * because the other name may also occur in the text.
 */
export function queryVariants(query: string, vocabulary: QueryVocabulary): string[] {
  const normalised = normaliseQuery(query, vocabulary);
  if (!normalised) return [];
  const withNames = normalised.split(' ').map((term) => vocabulary.aliases[term] ?? term).join(' ');
  return withNames === normalised ? [normalised] : [normalised, withNames];
}

/**
 * The part of the vocabulary a site needs: traditional forms only of the
 * simplified characters that occur in its text, so the table stays small.
 */
export function buildVocabulary(input: {
  /** The site's text, in pieces. */
  text: Iterable<string>;
  toTraditional: (simplified: string) => string;
  indicators: readonly { name: string; aliases: readonly string[] }[];
}): QueryVocabulary {
  const traditional: Record<string, string> = {};
  const chars = new Set<string>();
  for (const piece of input.text) for (const ch of piece) chars.add(ch);
  for (const ch of chars) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    const variant = input.toTraditional(ch);
    if (variant !== ch && Array.from(variant).length === 1) traditional[variant] = ch;
  }
  const aliases: Record<string, string> = {};
  for (const indicator of input.indicators) {
    for (const alias of indicator.aliases) {
      const folded = foldText(alias, traditional);
      if (folded !== indicator.name) aliases[folded] = indicator.name;
    }
  }
  return { traditional, aliases };
}
