/**
 * The grams of the search index's text (build only): every character and
 * adjacent pair of the folded text, keyed by small integers while building,
 * shared by the full build and the update. Pure.
 */
import type { IndexedRecord } from './phrase-search.ts';
import { foldChar, isNamePunctuation } from './search-text.ts';
import type { GramPostings } from './search-postings.ts';

/** What `\s` matches, by code point: the index build reads every character of the site. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Grams are keyed by small integers while building, which V8 keeps unboxed
 * (a province's text is read character by character): each folded character
 * gets a dense id in order of first sight; a character's key is its id, a
 * pair's (first id + 1) × PAIR + second id, all below 2^30.
 */
const PAIR = 0x8000;
const CODE_POINTS = 0x110000;

/** Reads text into gram postings, with integer keys that `text` turns back into the gram. */
export interface GramReader {
  /** Adds `record` to the postings of every gram of `text`. */
  add(postings: GramPostings, text: string, record: number): void;
  text(key: number): string;
  isCharacter(key: number): boolean;
}

/**
 * Every character and adjacent pair of the folded text, none spanning whitespace, name punctuation skipped; a
 * record is added once per gram. Keys are only comparable within one reader.
 */
export function gramReader(traditional: (ch: string) => string | undefined): GramReader {
  const ids = new Int32Array(CODE_POINTS);
  const codeOfId: number[] = [];
  const idOf = (c: number) => {
    if (ids[c] === 0) {
      if (codeOfId.length === PAIR - 1) throw new RangeError(`search index: more than ${PAIR - 1} distinct characters`);
      ids[c] = codeOfId.push(c);
    }
    return ids[c]! - 1;
  };
  // Per code point of the text, what the gram loop needs, worked out on first sight and kept in a flat array:
  // 0 not yet seen, SPACE, SKIPPED (name punctuation), or else the folded character's id + 1.
  const SPACE = -1;
  const SKIPPED = -2;
  const classes = new Int32Array(CODE_POINTS);
  const classify = (code: number) => {
    const folded = foldChar(String.fromCodePoint(code), traditional);
    const f = folded.codePointAt(0)!;
    return (classes[code] = isSpace(f) ? SPACE : isNamePunctuation(folded) ? SKIPPED : idOf(f) + 1);
  };
  return {
    add(postings, text, record) {
      let previous = -1;
      for (let i = 0; i < text.length; i++) {
        let code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
            i++;
          }
        }
        const kind = classes[code] || classify(code);
        if (kind === SPACE) {
          previous = -1;
          continue;
        }
        if (kind === SKIPPED) continue;
        const id = kind - 1;
        postings.add(id, record);
        if (previous >= 0) postings.add((previous + 1) * PAIR + id, record);
        previous = id;
      }
    },
    text: (key) =>
      key < PAIR
        ? String.fromCodePoint(codeOfId[key]!)
        : String.fromCodePoint(codeOfId[Math.floor(key / PAIR) - 1]!, codeOfId[key % PAIR]!),
    isCharacter: (key) => key < PAIR,
  };
}

/** A record's grams go to the text postings (title and text) and the title postings. */
export function addRecordGrams(reader: GramReader, inText: GramPostings, inTitle: GramPostings, record: IndexedRecord, id: number): void {
  reader.add(inText, record.title, id);
  reader.add(inText, record.text, id);
  reader.add(inTitle, record.title, id);
}
