/**
 * Plain text of an MDX body, section by section, for the search index. Each
 * section runs from one heading to the next and carries that heading's
 * anchor (computed by lib/content/anchors.ts, as on the page).
 */
import { headingAnchors, markdownHeadings } from './anchors.ts';

export interface TextSection {
  /** Anchor of the heading that starts the section; undefined for the text before the first heading. */
  anchor?: string | undefined;
  heading?: string | undefined;
  text: string;
}

/** The characters of the syntax `markdownToText` removes: a line without any is only trimmed. */
const MARKDOWN_SYNTAX = /[#[*_|\\{-]/;

/** Markdown syntax removed, words kept: `[题](/a)` → 题, table pipes and rules dropped, `\{` → `{`. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    // Most lines of a document are plain sentences: testing for syntax first costs a fifth of the replacements.
    if (!MARKDOWN_SYNTAX.test(line)) {
      const text = line.trim();
      if (text) out.push(text);
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}/.test(line) || /^\s*\{\/\*.*\*\/\}\s*$/.test(line)) continue;
    const text = line
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|__/g, '')
      .replace(/\s*\|\s*/g, ' ')
      .replace(/\\(.)/g, '$1')
      .trim();
    if (text) out.push(text);
  }
  return out.join('\n');
}

/** Splits a body (frontmatter already removed) into sections at its headings. */
export function markdownSections(body: string): TextSection[] {
  const lines = body.split(/\r?\n/);
  const headings = markdownHeadings(body, 1);
  const anchors = headingAnchors(headings);
  const sections: TextSection[] = [];
  const starts = headings.map((h) => h.line - 1);
  const preamble = markdownToText(lines.slice(0, starts[0] ?? lines.length).join('\n'));
  if (preamble) sections.push({ text: preamble });
  headings.forEach((heading, i) => {
    const body = lines.slice(starts[i]! + 1, starts[i + 1] ?? lines.length).join('\n');
    sections.push({ anchor: anchors[i], heading: heading.text, text: markdownToText(body) });
  });
  return sections;
}
