/**
 * Stable anchors for document headings.
 *
 * Government documents number their sections (一、 / （一） / 1.), and people
 * cite them that way, so a numbered heading's anchor is built from the numbers
 * of it and its numbered ancestors: `一、` → `s1`, `（二）` under it → `s1-2`.
 * Fixing a typo in a heading's words therefore never breaks a link to it.
 * An unnumbered heading (a document part such as 附件1, or a briefing section
 * such as 重要会议) is anchored by its own words, and numbered headings below
 * it take that anchor as their prefix.
 */

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

/** Letters and digits of any script only: `【国家部委动态】` → `国家部委动态`. */
export function textAnchor(text: string): string {
  const kept = Array.from(text.normalize('NFKC')).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
  return kept.join('') || 'section';
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
  const stack: { depth: number; anchor: string }[] = [];
  const used = new Map<string, number>();
  return headings.map(({ depth, text }) => {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    const number = headingNumber(text);
    let anchor =
      number === undefined ? textAnchor(text) : parent ? `${parent.anchor}-${number}` : `s${number}`;
    const seen = used.get(anchor) ?? 0;
    used.set(anchor, seen + 1);
    if (seen > 0) anchor = `${anchor}-${seen + 1}`;
    stack.push({ depth, anchor });
    return anchor;
  });
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
