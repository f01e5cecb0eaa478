/**
 * Reads an MDX document's frontmatter and headings without rendering it, so
 * frontmatter and cross-references can be checked for every file in one pass.
 */
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import type { ContentIssue } from './content-issue.ts';
import { contentMessage } from '../../core/content-messages.ts';
import { headingAnchorAliases, headingAnchors, markdownHeadings, type SourceHeading } from './anchors.ts';
import { unsafeMdx } from './mdx-safety.ts';
import { mdxSyntaxIssues } from './mdx-syntax.ts';

export interface DocumentRead<T> {
  data?: T;
  /** `alias`: the heading's former Chinese anchor, where it had one (see anchors.ts). */
  headings: (SourceHeading & { anchor: string; alias: string | undefined })[];
  issues: ContentIssue[];
}

/** The YAML parser's error codes, in words staff understand. */
const YAML_PROBLEMS: Record<string, string> = {
  DUPLICATE_KEY: '同一项填写了两次',
  MISSING_CHAR: '缺少结束的方括号、花括号或引号',
  BAD_INDENT: '缩进不正确',
  MULTILINE_IMPLICIT_KEY: '一项的值跨了多行',
  BLOCK_AS_IMPLICIT_KEY: '一项的写法不完整',
  UNEXPECTED_TOKEN: '出现了多余的符号',
  TAB_AS_INDENT: '用了制表符缩进，应改用空格',
};

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

/** A document's frontmatter (YAML text) and body, or undefined when it has no frontmatter. */
export function splitFrontmatter(text: string): { yaml: string; body: string } | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(source);
  return match ? { yaml: match[1]!, body: source.slice(match[0].length) } : undefined;
}

function fieldName(key: string, labels: Record<string, string>): string {
  return labels[key] ? `${labels[key]}（${key}）` : key;
}

export function readMdxDocument<S extends z.ZodType>(
  schema: S,
  labels: Record<string, string>,
  file: string,
  text: string,
): DocumentRead<z.output<S>> {
  const issues: ContentIssue[] = [];
  const parts = splitFrontmatter(text);
  if (!parts) {
    issues.push({
      file,
      line: 1,
      ...contentMessage('missing-frontmatter'),
    });
    return { headings: [], issues };
  }
  const { yaml: yamlText, body } = parts;
  const bodyStartLine = yamlText.split('\n').length + 3;
  const headings = markdownHeadings(body, bodyStartLine);
  issues.push(...unsafeMdx(file, body, bodyStartLine));
  issues.push(...mdxSyntaxIssues(file, body, bodyStartLine));
  const anchors = headingAnchors(headings);
  const aliases = headingAnchorAliases(headings);
  const anchored = headings.map((heading, i) => ({ ...heading, anchor: anchors[i]!, alias: aliases[i] }));

  const yaml = parseDocument(yamlText);
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      issues.push({
        file,
        line: (error.linePos?.[0]?.line ?? 0) + 1,
        ...contentMessage('frontmatter-syntax', { problem: YAML_PROBLEMS[error.code] ?? '格式不正确' }),
      });
    }
    return { headings: anchored, issues };
  }
  const data: unknown = yaml.toJS() ?? {};
  const result = schema.safeParse(data);
  if (!result.success) {
    const lines = yamlText.split('\n');
    for (const zodIssue of result.error.issues) {
      const key = String(zodIssue.path[0] ?? '');
      const keyLine = lines.findIndex((line) => line.startsWith(`${key}:`));
      const value = key && typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
      issues.push({
        file,
        line: keyLine >= 0 ? keyLine + 2 : 1,
        field: key ? fieldName(key, labels) : undefined,
        value: value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value),
        ...(value === undefined && zodIssue.code === 'invalid_type' ? contentMessage('missing-field') : { message: zodIssue.message }),
      });
    }
    return { headings: anchored, issues };
  }
  return { data: result.data, headings: anchored, issues };
}
