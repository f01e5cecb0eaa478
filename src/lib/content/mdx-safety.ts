/**
 * What an MDX document may not contain: anything that would run code in a
 * reader's browser or pull in another site. MDX compiles raw tags into the
 * page, so these are stopped before the build with the line they are on.
 */
import type { ContentIssue } from './content-issue.ts';
import { contentMessage, type PlainMessageCode } from '../../core/content-messages.ts';

const RULES: { pattern: RegExp; code: PlainMessageCode }[] = [
  { pattern: /<\s*(script|iframe|object|embed|frame|frameset|style|link|meta|base|form)\b/i, code: 'mdx-unsafe-tag' },
  { pattern: /<[A-Za-z][^>]*\s(on[a-z]+)\s*=/i, code: 'mdx-event-attribute' },
  { pattern: /(\]\(\s*|\b(href|src)\s*=\s*["']?\s*)(javascript|vbscript|data):/i, code: 'mdx-unsafe-link' },
];

/** Problems in an MDX body; `firstLine` is the body's first line in the file. */
export function unsafeMdx(file: string, body: string, firstLine: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  let fenced = false;
  body.split(/\r?\n/).forEach((line, index) => {
    if (/^\s{0,3}(`{3,}|~{3,})/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const rule of RULES) {
      const match = rule.pattern.exec(line);
      if (match) issues.push({ file, line: firstLine + index, value: match[0].trim(), ...contentMessage(rule.code) });
    }
  });
  return issues;
}
