/**
 * JSX attributes in an MDX document, turned into HTML attributes before the
 * body is rendered. The documents are MDX, so a tag may be written the JSX way
 * (`<td colSpan={3}>`, `className="x"`), but they are rendered by the site's
 * Markdown pipeline, which copies HTML tags as written: the page would get the
 * literal `colSpan={3}`, which browsers ignore. Each opening tag that has an
 * attribute expression or a JSX-only attribute name is rewritten as HTML
 * (`colspan="3"`); every other byte of the body stays as it was.
 *
 * Only literal values have an HTML meaning: numbers, quoted text, true and
 * false. Any other expression is reported by the content check (see
 * mdxSyntaxIssues) and left as written.
 */
import { mdxToMdast, type MdastNode } from 'satteri';

/** JSX names whose HTML attribute is spelt differently; every other name is lower-cased. */
const HTML_NAMES: Record<string, string> = { className: 'class', htmlFor: 'for' };

export interface JsxAttributeProblem {
  /** 1-based line of the tag in the body. */
  line: number;
  tag: string;
  attribute: string;
  expression: string;
}

interface OpeningTag {
  start: number;
  end: number;
  html: string | undefined;
  problems: JsxAttributeProblem[];
}

type Literal = string | boolean | undefined;

/** The value of a literal JSX expression (`3`, `"三"`, `'三'`, `true`), or undefined when it is not one. */
export function literalValue(expression: string): { value: Literal } | undefined {
  const text = expression.trim();
  if (/^-?(\d+(\.\d+)?|\.\d+)$/.test(text)) return { value: String(Number(text)) };
  if (text === 'true') return { value: true };
  if (text === 'false') return { value: false };
  if (/^"(?:[^"\\\n]|\\.)*"$/.test(text)) return { value: JSON.parse(text) as string };
  if (/^'(?:[^'\\\n]|\\.)*'$/.test(text)) return { value: JSON.parse(`"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string };
  return undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** Where the opening tag that starts at `start` ends (just after its `>`), skipping quoted values and `{…}`. */
function openingTagEnd(source: string, start: number): number {
  let quote = '';
  let depth = 0;
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i]!;
    if (quote) {
      // Inside `{…}` the text is JavaScript, where a backslash escapes the next character.
      if (ch === '\\' && depth > 0) i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '>' && depth === 0) return i + 1;
  }
  return source.length;
}

function openingTag(source: string, node: MdastNode & { name?: string | null; attributes?: unknown[] }): OpeningTag | undefined {
  const start = node.position?.start.offset;
  if (start === undefined || !node.name) return undefined;
  const attributes = (node.attributes ?? []) as { type: string; name?: string; value?: string | null | { value: string } }[];
  const needsRewrite = attributes.some((a) => a.type !== 'mdxJsxAttribute' || typeof a.value === 'object' && a.value !== null || HTML_NAMES[a.name ?? '']);
  if (!needsRewrite) return undefined;
  const end = openingTagEnd(source, start);
  const line = source.slice(0, start).split('\n').length;
  const problems: JsxAttributeProblem[] = [];
  const parts: string[] = [];
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      const expression = typeof attribute.value === 'string' ? attribute.value : '';
      problems.push({ line, tag: node.name, attribute: `{${expression}}`, expression });
      continue;
    }
    const name = HTML_NAMES[attribute.name] ?? attribute.name.toLowerCase();
    const raw = attribute.value;
    if (raw === null || raw === undefined) parts.push(name);
    else if (typeof raw === 'string') parts.push(`${name}="${escapeAttribute(raw)}"`);
    else {
      const literal = literalValue(raw.value);
      if (!literal) problems.push({ line, tag: node.name, attribute: attribute.name, expression: raw.value });
      else if (literal.value === true) parts.push(name);
      else if (typeof literal.value === 'string') parts.push(`${name}="${escapeAttribute(literal.value)}"`);
    }
  }
  const selfClosing = /\/\s*>$/.test(source.slice(start, end));
  const html = problems.length > 0 ? undefined : `<${node.name}${parts.map((part) => ` ${part}`).join('')}${selfClosing ? ' /' : ''}>`;
  return { start, end, html, problems };
}

function openingTags(body: string): OpeningTag[] {
  const tags: OpeningTag[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const tag = openingTag(body, node as MdastNode & { name?: string | null; attributes?: unknown[] });
      if (tag) tags.push(tag);
    }
    for (const child of ('children' in node ? (node.children as MdastNode[]) : [])) visit(child);
  };
  visit(mdxToMdast(body));
  return tags.sort((a, b) => a.start - b.start);
}

/** The body with every JSX opening tag written as HTML, and the attributes that could not be. */
export function jsxAttributesToHtml(body: string): { body: string; problems: JsxAttributeProblem[] } {
  // Most documents have no JSX attributes at all: skip the parse for them.
  if (!/<[A-Za-z][^>]*(=\s*\{|\s\{|className|htmlFor)/.test(body)) return { body, problems: [] };
  let tags: OpeningTag[];
  try {
    tags = openingTags(body);
  } catch {
    // A body that is not valid MDX is reported by mdxSyntaxIssues; render it as written.
    return { body, problems: [] };
  }
  let result = '';
  let at = 0;
  for (const tag of tags) {
    result += body.slice(at, tag.start) + (tag.html ?? body.slice(tag.start, tag.end));
    at = tag.end;
  }
  return { body: result + body.slice(at), problems: tags.flatMap((tag) => tag.problems) };
}
