/**
 * Comparing a source text with what the site publishes. Only whitespace and
 * the width of characters (full-width ，（） vs half-width ,() …) are
 * normalised, plus the `**` bold markers left over from PDF extraction and
 * the site's own note mark ※, which follows a published figure that has a
 * note (89.5%※) and is no part of any source (the fidelity test checks that).
 */
export const FIGURE_NOTE_MARK = '※';

export function normaliseForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\*\*/g, '').replaceAll(FIGURE_NOTE_MARK, '').replace(/\s+/gu, '');
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
