/**
 * Comparing a source text with what the site publishes. Only whitespace and
 * the width of characters (full-width ，（） vs half-width ,() …) are
 * normalised, plus the `**` bold markers left over from PDF extraction.
 */

export function normaliseForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\*\*/g, '').replace(/\s+/gu, '');
}

/** Sentences and table cells of a source text, normalised, without empty or punctuation-only pieces. */
export function sourceUnits(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split('\t'))
    .flatMap((cell) => cell.split(/[。；！？]/))
    .map(normaliseForComparison)
    .filter((unit) => /[\p{L}\p{N}]/u.test(unit));
}
