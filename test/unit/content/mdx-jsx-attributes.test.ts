import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/content/mdx-document.ts';
import { jsxAttributesToHtml, literalValue } from '../../../src/lib/content/mdx-jsx-attributes.ts';
import { mdxSyntaxIssues } from '../../../src/lib/content/mdx-syntax.ts';

const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'mdx', 'jsx-attributes.mdx'), 'utf8');
const body = splitFrontmatter(fixture)!.body;

/** The page's HTML for a body, rendered as the site renders documents (Markdown, tags copied as written). */
function rendered(source: string) {
  return parse(markdownToHtml(jsxAttributesToHtml(source).body).html);
}

describe('JSX attributes in MDX documents', () => {
  test('an attribute expression reaches the page as a real attribute value', () => {
    const page = rendered(body);
    const cells = page.querySelectorAll('td');
    expect(cells[0]!.getAttribute('colspan')).toBe('3');
    expect(page.querySelector('th[rowspan]')!.getAttribute('rowspan')).toBe('2');
    expect(cells.at(-1)!.attributes).toEqual({ colspan: '3', title: '“说明”' });
    expect(page.querySelector('abbr')!.getAttribute('title')).toBe('营商环境');
    const values = page.querySelectorAll('*').flatMap((element) => Object.entries(element.attributes).flat());
    expect(values.filter((value) => /[{}]/.test(value))).toEqual([]);
  });

  test('JSX attribute names become HTML names, and false leaves the attribute out', () => {
    const page = rendered(body);
    const cell = page.querySelector('td.wide')!;
    expect(cell.attributes).toEqual({ colspan: '2', class: 'wide' });
    expect(page.querySelectorAll('td[hidden]')).toHaveLength(0);
  });

  test('everything else stays as written, code included', () => {
    const { body: converted } = jsxAttributesToHtml(body);
    const before = body.split('\n');
    const after = converted.split('\n');
    expect(after).toHaveLength(before.length);
    const untouched = before.flatMap((line, i) => (/=\{|className/.test(line) ? [] : [i]));
    expect(untouched.map((i) => after[i])).toEqual(untouched.map((i) => before[i]));
    expect(rendered(body).querySelector('code')!.text).toBe('colSpan={3}');
    expect(jsxAttributesToHtml('段落 <td colspan="3">x</td>\n').body).toBe('段落 <td colspan="3">x</td>\n');
  });

  test('literal values only: numbers, quoted text, true and false', () => {
    expect(literalValue('3')).toEqual({ value: '3' });
    expect(literalValue(' "三" ')).toEqual({ value: '三' });
    expect(literalValue("'it\\'s'")).toEqual({ value: "it's" });
    expect(literalValue('true')).toEqual({ value: true });
    expect(literalValue('rows.length')).toBeUndefined();
    expect(literalValue('`x`')).toBeUndefined();
  });

  test('an expression that is not a plain value is reported with its line, and the fixture has none', () => {
    expect(mdxSyntaxIssues('x.mdx', body, 5)).toEqual([]);
    const issues = mdxSyntaxIssues('x.mdx', '第一行\n\n<table><tbody><tr><td colSpan={count}>x</td></tr></tbody></table>\n', 10);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'x.mdx', line: 12, value: 'count' });
    expect(issues[0]!.message).toContain('<td>');
    expect(issues[0]!.message).toContain('colSpan');
  });
});
