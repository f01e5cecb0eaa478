/**
 * MDX syntax, checked without rendering: an unclosed tag or a stray `{` is
 * reported with its line, in words staff understand, instead of failing the
 * build with a compiler stack trace. Uses the same parser as the build.
 */
import { createMdxMdastHandle, dropHandle } from 'satteri';
import type { ContentIssue } from './content-issue.ts';
import { contentMessage } from '../../core/content-messages.ts';
import { jsxAttributesToHtml } from './mdx-jsx-attributes.ts';

const EXPLANATIONS: { pattern: RegExp; explain: (match: RegExpExecArray) => string }[] = [
  { pattern: /Expected a closing tag for `<([^>]*)>`/, explain: (m) => `标签 <${m[1]}> 没有闭合` },
  { pattern: /Unexpected closing tag `<\/([^>]*)>`/, explain: (m) => `多出一个结束标签 </${m[1]}>` },
  { pattern: /end of file in expression|closing brace/, explain: () => '花括号 { 没有闭合' },
  { pattern: /Unexpected character .* before name|Unexpected character .* after/, explain: () => '尖括号 < 后面的内容不是合法的标签' },
];

/** Syntax problems of an MDX body; `firstLine` is the body's first line in the file. */
export function mdxSyntaxIssues(file: string, body: string, firstLine: number): ContentIssue[] {
  try {
    dropHandle(createMdxMdastHandle(body));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+)/.exec(message);
    const known = EXPLANATIONS.map(({ pattern, explain }) => {
      const match = pattern.exec(message);
      return match ? explain(match) : undefined;
    }).find(Boolean);
    return [
      {
        file,
        line: place ? firstLine + Number(place[1]) - 1 : firstLine,
        ...contentMessage('mdx-syntax', { problem: known ?? message.replace(/^\d+:\d+:\s*/, '') }),
      },
    ];
  }
  // The page gets HTML attributes; an expression that is not a plain value has no HTML meaning.
  return jsxAttributesToHtml(body).problems.map((problem) => ({
    file,
    line: firstLine + problem.line - 1,
    value: problem.expression,
    ...contentMessage('mdx-syntax', {
      problem: `标签 <${problem.tag}> 的属性 ${problem.attribute} 只能是数字或加引号的文字，例如 colSpan={3} 或 colspan="3"`,
    }),
  }));
}
