/**
 * Reading Latin input as pinyin of the site's words. Pure.
 *
 * A reader on a phone who presses search before choosing characters sends
 * `zhengwu fuwu`, `huodedianli` or the initials `zwfw`. At build time each
 * word of the site's vocabulary (indicator names and aliases, region names,
 * units, trackers, targets, quoted terms…) is stored with its syllables
 * (pinyin-pro, toneless); in the browser a Latin run is split into a
 * sequence of those words, each syllable typed in full or by its initial
 * (zh, ch, sh by one letter or two), spaces ignored.
 */

/** One word of the vocabulary and its toneless syllables. */
export interface PinyinTerm {
  word: string;
  syllables: string[];
}

/** A reading of a Latin run: the words it stands for. */
export interface PinyinReading {
  words: string[];
  /** Syllables typed in full (more is a surer reading). */
  full: number;
  /** Sum of the words' places in the vocabulary (lower: more central words of the site). */
  rank: number;
}

/** Words longer than this are not offered for pinyin: readers type short words. */
export const MAX_PINYIN_WORD = 8;
/** Readings offered besides the first. */
const MAX_OTHER_READINGS = 4;
/** Latin runs longer than this are not read as pinyin (a sentence typed in Latin is not a search for a word). */
const MAX_LATIN = 48;

/** The file form: one word a line, `word syllable'syllable…`, most central words first. */
export function encodePinyinTerms(terms: readonly PinyinTerm[]): string {
  return terms.map((t) => `${t.word} ${t.syllables.join("'")}`).join('\n');
}

export function decodePinyinTerms(text: string): PinyinTerm[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [word, syllables] = line.split(' ') as [string, string];
      return { word, syllables: syllables.split("'") };
    });
}

/**
 * The words worth reading pinyin as, in the order given (most central first),
 * each once: Han characters only, 2 to MAX_PINYIN_WORD characters, with a
 * reading for every character.
 */
export function pinyinTerms(words: Iterable<string>, syllablesOf: (word: string) => string[] | undefined): PinyinTerm[] {
  const seen = new Set<string>();
  const out: PinyinTerm[] = [];
  for (const word of words) {
    const length = Array.from(word).length;
    if (seen.has(word) || length < 2 || length > MAX_PINYIN_WORD || !/^\p{Script=Han}+$/u.test(word)) continue;
    seen.add(word);
    const syllables = syllablesOf(word);
    if (!syllables || syllables.length !== length || !syllables.every((s) => /^[a-zü]+$/.test(s))) continue;
    out.push({ word, syllables: syllables.map((s) => s.replace(/ü/g, 'v')) });
  }
  return out;
}

/** The Latin runs of a query (letters, with spaces or apostrophes between them), as typed. */
export function latinRuns(query: string): string[] {
  return Array.from(query.matchAll(/[a-z]+(?:[\s']+[a-z]+)*/gi), (m) => m[0]);
}

/** The ways a syllable may be typed: in full, or by its initial (zh, ch, sh by one letter or two). */
function syllableForms(syllable: string): string[] {
  const forms = [syllable, syllable[0]!];
  if (/^[zcs]h/.test(syllable)) forms.push(syllable.slice(0, 2));
  return [...new Set(forms)];
}

/** End positions (and full syllables typed) of `term` read from `letters` at `start`. */
function matchTerm(letters: string, start: number, term: PinyinTerm): { end: number; full: number }[] {
  let states = [{ end: start, full: 0 }];
  for (const syllable of term.syllables) {
    const next: { end: number; full: number }[] = [];
    for (const state of states)
      for (const form of syllableForms(syllable))
        if (letters.startsWith(form, state.end))
          next.push({ end: state.end + form.length, full: state.full + (form === syllable && form.length > 1 ? 1 : 0) });
    if (next.length === 0) return [];
    states = next;
  }
  return states;
}

const better = (a: PinyinReading, b: PinyinReading) => a.words.length - b.words.length || b.full - a.full || a.rank - b.rank;

/**
 * The readings of a Latin run as a sequence of vocabulary words, best first:
 * fewest words, then most syllables typed in full, then the most central
 * words. Empty when the run does not read as the site's words.
 */
export function readPinyin(latin: string, terms: readonly PinyinTerm[]): PinyinReading[] {
  const letters = latin
    .toLowerCase()
    .replace(/[\s']+/g, '')
    .replace(/ü/g, 'v');
  if (letters.length < 2 || letters.length > MAX_LATIN || !/^[a-z]+$/.test(letters)) return [];
  const byInitial = new Map<string, { term: PinyinTerm; rank: number }[]>();
  terms.forEach((term, rank) => {
    const initial = term.syllables[0]![0]!;
    if (!byInitial.has(initial)) byInitial.set(initial, []);
    byInitial.get(initial)!.push({ term, rank });
  });
  // Best few readings of each prefix, by dynamic programming over the letters.
  const KEEP = 8;
  const at: PinyinReading[][] = Array.from({ length: letters.length + 1 }, () => []);
  at[0] = [{ words: [], full: 0, rank: 0 }];
  for (let i = 0; i < letters.length; i++) {
    if (at[i]!.length === 0) continue;
    for (const { term, rank } of byInitial.get(letters[i]!) ?? [])
      for (const { end, full } of matchTerm(letters, i, term))
        for (const reading of at[i]!)
          at[end]!.push({ words: [...reading.words, term.word], full: reading.full + full, rank: reading.rank + rank });
    for (let j = i + 1; j <= letters.length; j++) {
      const unique = new Map(at[j]!.map((r) => [r.words.join(' '), r]));
      at[j] = [...unique.values()].sort(better).slice(0, KEEP);
    }
  }
  const readings = at[letters.length]!;
  // A reading of initials alone needs a letter a syllable: one letter is never a word.
  return readings
    .filter((r) => r.full > 0 || letters.length >= 2)
    .sort(better)
    .slice(0, MAX_OTHER_READINGS + 1);
}
