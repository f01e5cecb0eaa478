/**
 * What a reader's query asks for, as the engine searches it. Pure.
 *
 * - Document numbers typed in any bracket style, with or without brackets,
 *   第 or 号, or spaces (湖办发(2023)8号, 湖办发2023 8号) become one term
 *   matching the folded, squeezed text of 湖办发〔2023〕8号.
 * - Region names and short forms (青山湖, 青山湖区, 湾里, 湾里区) become a
 *   region preference rather than words that must occur.
 * - Run-together queries are split into the site's own words (a vocabulary
 *   built at index time from titles, headings, indicator names and aliases,
 *   unit names, people, target names, quoted terms); what the vocabulary does
 *   not cover is split by the browser's word segmenter when there is one.
 * - Question words and particles (多少, 多久, 怎么, 吗, 的, 要 …) are dropped.
 * - Synonyms (staff-maintained, plus indicator aliases) give other forms of a word.
 */
import { squeeze, TERM_SEPARATORS } from './search-text.ts';

/** Words a question is made of that name nothing to find. Longest first. */
export const QUESTION_WORDS = [
  '什么时候',
  '可不可以',
  '能不能',
  '会不会',
  '要不要',
  '行不行',
  '多长',
  '是不是',
  '有没有',
  '有多少',
  '是多少',
  '怎么样',
  '多长时间',
  '需要多久',
  '要多久',
  '多少个',
  '多少天',
  '多少钱',
  '请问',
  '多少',
  '多久',
  '几天',
  '几个',
  '怎么',
  '怎样',
  '如何',
  '是否',
  '什么',
  '哪些',
  '哪里',
  '哪个',
  '为什么',
  '能否',
  '可以',
  '需要',
  '是谁',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '的',
  '了',
  '要',
  '是',
  '有',
  '几',
  '谁',
].sort((a, b) => b.length - a.length);

const QUESTION_WORD_SET = new Set(QUESTION_WORDS);
/** Particles dropped wherever they stand; other one-character question words (要, 有, 是, 几) only when the segmenter finds them standing alone. */
const PARTICLES = new Set(Array.from('吗呢吧啊呀的了'));

/** Suffixes of administrative names: a region's short form takes any of them (湾里 → 湾里区, 龙南 → 龙南县). */
const REGION_SUFFIXES = ['管理局', '自治县', '省', '市', '区', '县', '镇', '乡'];

/** A region's name and the forms a reader may type for it: 青山湖区 → 青山湖区, 青山湖; 湾里管理局 → 湾里管理局, 湾里, 湾里区, 湾里市… */
export function regionForms(name: string): string[] {
  const suffix = REGION_SUFFIXES.find((s) => name.endsWith(s) && Array.from(name).length - Array.from(s).length >= 2);
  if (!suffix) return [name];
  const short = name.slice(0, -suffix.length);
  return [...new Set([name, ...REGION_SUFFIXES.map((s) => short + s), short])];
}

/**
 * A document number as one term: the issuer's abbreviation, the year and the
 * number, without brackets, 第, spaces or 号 (饶营商［2022］第1号 → 饶营商20221).
 * The index's text is squeezed of brackets, so 饶营商〔2022〕1号 reads 饶营商20221号.
 */
const DOCUMENT_NUMBER = /(\p{Script=Han}{2,})\s*[〔［[(（【]?\s*((?:19|20)\d{2})\s*[〕］\])）】]?\s*(?:年\s*)?第?\s*(\d{1,4})\s*号?/gu;

export function normaliseDocumentNumbers(query: string): string {
  return query.replace(DOCUMENT_NUMBER, (_, issuer: string, year: string, number: string) => ` ${issuer}${year}${number}号 `);
}

export interface QueryWords {
  /** Is this (folded, squeezed) text a word of the site's vocabulary? */
  isWord: (word: string) => boolean;
  /** Another name of an indicator → its own name. */
  names: Readonly<Record<string, string>>;
  /** Everyday word → the documents' terms for it (the synonyms dataset). */
  synonyms: Readonly<Record<string, readonly string[]>>;
  /** Everyday word → the site's words of the same sense, from a general wordnet (related-words.ts); the synonyms dataset wins. */
  related?: Readonly<Record<string, readonly string[]>>;
  /** Region names of the site. */
  regions: readonly string[];
  /** Splits text the vocabulary does not cover into words (Intl.Segmenter in browsers). */
  segment?: (text: string) => string[];
}

export interface QueryPlan {
  /** The query as folded and squeezed, terms separated by spaces: what "whole phrase" means. */
  phrases: string[];
  /** The words of the phrases (two characters or more; or the one character typed): each should occur whole. */
  words: string[];
  /** The indicator's own name, for a word that is another name of it: as good as the word itself. */
  names: Record<string, string>;
  /** Other forms of a word: document terms for an everyday word, corrections of a typo. */
  alternatives: Record<string, string[]>;
  /** The site's words of the same sense as a word of the query, from the general wordnet: ranked below the reader's own words and the synonyms dataset's. */
  related?: Record<string, string[]>;
  /**
   * Characters of the words no record holds whole in any form (报税 → 报, 税), searched one by one as a
   * last resort: they only add to the character-pair score, so every record holding a word of the query
   * whole comes first (see phrase-search.ts).
   */
  characters?: string[];
  /** Regions named in the query, preferred in ranking. */
  regions: string[];
  /** Question words and particles left out. */
  dropped: string[];
}

const MAX_WORD = 16;

/** Splits `text` into vocabulary words by forward maximum matching; the rest by `segment`, single characters kept with a neighbour. */
export function splitWords(text: string, words: Pick<QueryWords, 'isWord' | 'segment'>): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let unknown = '';
  const flushUnknown = () => {
    if (!unknown) return;
    const pieces = words.segment ? words.segment(unknown) : [unknown];
    // Runs of single characters are kept together: a segmenter's lone characters are rarely words here.
    let run = '';
    for (const piece of pieces) {
      if (Array.from(piece).length === 1 && !QUESTION_WORD_SET.has(piece)) run += piece;
      else {
        if (run) out.push(run);
        run = '';
        out.push(piece);
      }
    }
    if (run) out.push(run);
    unknown = '';
  };
  for (let i = 0; i < chars.length;) {
    let length = 0;
    for (let n = Math.min(MAX_WORD, chars.length - i); n >= 2; n--) {
      const candidate = chars.slice(i, i + n).join('');
      if (words.isWord(candidate) || QUESTION_WORD_SET.has(candidate)) {
        length = n;
        break;
      }
    }
    if (length === 0 && PARTICLES.has(chars[i]!)) length = 1;
    if (length === 0) {
      unknown += chars[i];
      i += 1;
      continue;
    }
    flushUnknown();
    out.push(chars.slice(i, i + length).join(''));
    i += length;
  }
  flushUnknown();
  return out;
}

/**
 * The plan for a query already folded character by character (see
 * search-text.ts): document numbers, regions, words, dropped question words
 * and synonyms.
 */
export function planQuery(folded: string, words: QueryWords): QueryPlan {
  const squeezed = squeeze(normaliseDocumentNumbers(folded)).text;
  const terms = squeezed.split(TERM_SEPARATORS).filter(Boolean);
  const regionForm = new Map<string, string>();
  for (const region of words.regions) for (const form of regionForms(region)) if (!regionForm.has(form)) regionForm.set(form, region);
  const forms = [...regionForm.keys()].sort((a, b) => b.length - a.length);

  const regions = new Set<string>();
  const dropped: string[] = [];
  const phrases: string[] = [];
  const found: string[] = [];
  const termsWithoutRegions = terms.map((term) => {
    let rest = term;
    for (const form of forms) {
      if (!rest.includes(form)) continue;
      regions.add(regionForm.get(form)!);
      rest = rest.split(form).join(' ');
    }
    return rest.split(' ').filter(Boolean);
  });
  // A query that is only a region's name searches for it.
  if (termsWithoutRegions.every((t) => t.length === 0)) {
    const alternatives: Record<string, string[]> = {};
    for (const term of terms) {
      const named = [...regions].filter((r) => r !== term && regionForms(r).some((form) => term.includes(form)));
      if (named.length > 0) alternatives[term] = named;
    }
    return { phrases: terms, words: terms, names: {}, alternatives, regions: [...regions], dropped };
  }

  for (const pieces of termsWithoutRegions) {
    for (const piece of pieces) {
      let phrase = '';
      for (const word of splitWords(piece, words)) {
        if (QUESTION_WORD_SET.has(word)) {
          dropped.push(word);
          if (phrase) phrases.push(phrase);
          phrase = '';
          continue;
        }
        phrase += word;
        found.push(word);
      }
      if (phrase) phrases.push(phrase);
    }
  }
  const isQueryOneCharacter = phrases.length === 1 && Array.from(phrases[0]!).length === 1;
  const kept = [...new Set(found.filter((w) => Array.from(w).length >= 2 || isQueryOneCharacter))];
  const alternatives: Record<string, string[]> = {};
  const names: Record<string, string> = {};
  const related: Record<string, string[]> = {};
  for (const word of [...kept, ...phrases]) {
    const other = words.synonyms[word];
    if (other && other.length > 0) alternatives[word] = [...other];
    else if (words.related?.[word] && !words.names[word]) related[word] = [...words.related[word]];
    if (words.names[word]) names[word] = words.names[word];
  }
  return {
    names,
    related,
    phrases: phrases.filter((p) => Array.from(p).length >= 2 || isQueryOneCharacter),
    words: kept,
    alternatives,
    regions: [...regions],
    dropped,
  };
}

/**
 * The characters of the terms found nowhere whole and given no other form, outside the query's words that
 * are found or have another form (开公司: 开, since 公司 is a word of its own): searched one by one, like Pagefind's segmenter does
 * with a word it does not know, but only to order what no whole word decides.
 */
export function backOffCharacters(plan: QueryPlan, absent: readonly string[]): string[] {
  const formed = (term: string) => Boolean(plan.alternatives[term]?.length || plan.names[term] || plan.related?.[term]?.length);
  // Words found, or searched in another form, are searched already: their characters add nothing.
  const found = plan.words.filter((w) => !absent.includes(w) || formed(w)).sort((a, b) => b.length - a.length);
  const out = new Set<string>();
  for (const term of absent) {
    if (formed(term)) continue;
    let rest = term;
    for (const word of found) rest = rest.split(word).join(' ');
    for (const ch of rest) if (/\p{Script=Han}/u.test(ch)) out.add(ch);
  }
  return [...out];
}
