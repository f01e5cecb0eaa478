/**
 * Stable anchors for document headings.
 *
 * Government documents number their sections (一、 / （一） / 1.), and people
 * cite them that way, so a numbered heading's anchor is built from the numbers
 * of it and its numbered ancestors: `一、` → `s1`, `（二）` under it → `s1-2`.
 * Fixing a typo in a heading's words therefore never breaks a link to it.
 * An unnumbered heading (a document part such as 附件1, or a briefing section
 * such as 重要会议) is anchored by the pinyin of its first words (`fujian1`,
 * `zhongyaohuiyi`), which stays short and plain ASCII when an address is
 * pasted into WeChat or Word; numbered headings below it take that anchor as
 * their prefix (`fujian1-3`). The Chinese anchors such headings had before
 * (`附件1`, `附件1-3`) remain as aliases, so links already shared keep working.
 */
import { pinyin } from 'pinyin-pro';

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23. Undefined for anything else. */
export function chineseNumeralValue(text: string): number | undefined {
  if (!/^[零一二三四五六七八九十]+$/.test(text)) return undefined;
  const tenAt = text.indexOf('十');
  if (tenAt === -1) return text.length === 1 ? CHINESE_DIGITS[text] : undefined;
  const tens = tenAt === 0 ? 1 : CHINESE_DIGITS[text.slice(0, tenAt)];
  const rest = text.slice(tenAt + 1);
  const ones = rest === '' ? 0 : CHINESE_DIGITS[rest];
  if (tens === undefined || ones === undefined || rest.length > 1 || tenAt > 1) return undefined;
  return tens * 10 + ones;
}

const NUMBERING_PATTERNS: RegExp[] = [
  /^([零一二三四五六七八九十]+)\s*[、.．]/, // 一、
  /^[（(]\s*([零一二三四五六七八九十]+)\s*[）)]/, // （一）
  /^(\d+)\s*[、.．](?!\d)/, // 1. / 1、
  /^[（(]\s*(\d+)\s*[）)]/, // （1）
];

/** The section number a heading starts with, if any: `（十二）招标投标` → 12. */
export function headingNumber(text: string): number | undefined {
  const trimmed = text.trim();
  for (const pattern of NUMBERING_PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) {
      const raw = match[1]!;
      return /^\d+$/.test(raw) ? Number(raw) : chineseNumeralValue(raw);
    }
  }
  return undefined;
}

/** Letters and digits of any script only: `【国家部委动态】` → `国家部委动态`. The former anchor of an unnumbered heading. */
export function textAnchor(text: string): string {
  const kept = Array.from(text.normalize('NFKC')).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  return kept.join('') || 'section';
}

/** How many Chinese characters of an unnumbered heading its ASCII anchor spells. */
const PINYIN_SYLLABLES = 4;

/**
 * The ASCII anchor of an unnumbered heading: the toneless pinyin of its first
 * four Chinese characters, with the Latin letters and digits among and right
 * after them: `附件1` → `fujian1`, `【国家部委动态】` → `guojiabuwei`,
 * `5G应用` → `5gyingyong`. Other scripts are left out.
 */
export function asciiAnchor(text: string): string {
  let anchor = spelledAnchors.get(text);
  if (anchor === undefined) {
    anchor = spellAnchor(text);
    spelledAnchors.set(text, anchor);
  }
  return anchor;
}

/**
 * A heading is anchored when the content is validated, when its document is
 * rendered (where each new heading re-anchors those before it) and for its
 * search records, and the same headings recur across documents; spelling is
 * the costly part. The spelling of a text never changes, so this memo never
 * goes stale: it is not a copy of content (that is lib/content/content-cache.ts).
 */
const spelledAnchors = new Map<string, string>();

function spellAnchor(text: string): string {
  const kept = textAnchor(text);
  if (kept === 'section') return kept;
  const characters = Array.from(kept);
  // One syllable or character per character, read in context (行长 → hang zhang).
  const spelled = pinyin(kept, { toneType: 'none', type: 'array', v: true });
  let syllables = 0;
  let anchor = '';
  characters.forEach((character, i) => {
    if (syllables > PINYIN_SYLLABLES) return;
    const han = /\p{Script=Han}/u.test(character);
    if (han && ++syllables > PINYIN_SYLLABLES) return;
    if (han || /[A-Za-z0-9]/.test(character)) anchor += (han ? spelled[i]! : character).toLowerCase();
  });
  return anchor.replace(/[^a-z0-9]/g, '') || 'section';
}

export interface HeadingInput {
  depth: number;
  text: string;
}

/**
 * Anchors for a document's headings, in document order. Repeated anchors get
 * `-2`, `-3` so every anchor on a page is unique.
 */
export function headingAnchors(headings: readonly HeadingInput[]): string[] {
  return headings.map(anchorSequence(asciiAnchor));
}

/**
 * The anchor each heading had when unnumbered headings were anchored by their
 * Chinese words, where it differs from today's (`附件1-3` for `fujian1-3`);
 * pages keep it as a second target and content may still cite it.
 */
export function headingAnchorAliases(headings: readonly HeadingInput[]): (string | undefined)[] {
  const next = headingAnchorSequence();
  return headings.map((heading) => next(heading).alias);
}

/**
 * Anchors headings one at a time, in document order, as a renderer meets
 * them: each heading's anchor and former anchor, the same as the functions
 * above give for the whole list, without going over the earlier headings again.
 */
export function headingAnchorSequence(): (heading: HeadingInput) => { anchor: string; alias: string | undefined } {
  const current = anchorSequence(asciiAnchor);
  const former = anchorSequence(textAnchor);
  return (heading) => {
    const anchor = current(heading);
    const alias = former(heading);
    return { anchor, alias: alias === anchor ? undefined : alias };
  };
}

function anchorSequence(unnumberedAnchor: (text: string) => string): (heading: HeadingInput) => string {
  const stack: { depth: number; anchor: string }[] = [];
  const used = new Map<string, number>();
  return ({ depth, text }) => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    const number = headingNumber(text);
    let anchor =
      number === undefined ? unnumberedAnchor(text) : parent ? `${parent.anchor}-${number}` : `s${number}`;
    const seen = used.get(anchor) ?? 0;
    used.set(anchor, seen + 1);
    if (seen > 0) anchor = `${anchor}-${seen + 1}`;
    stack.push({ depth, anchor });
    return anchor;
  };
}

export interface SourceHeading extends HeadingInput {
  /** 1-based line in the source file. */
  line: number;
}

/**
 * ATX headings of a Markdown/MDX body, outside code fences, with inline
 * emphasis markers and backslash escapes removed, as a renderer would show them.
 */
export function markdownHeadings(body: string, firstLine = 1): SourceHeading[] {
  const headings: SourceHeading[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((line, index) => {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1]![0];
      else if (fenceMatch[1]![0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const match = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (!match) return;
    const text = match[2]!.replace(/\\(.)/g, '$1').replace(/\*\*|__/g, '');
    headings.push({ depth: match[1]!.length, text, line: firstLine + index });
  });
  return headings;
}
