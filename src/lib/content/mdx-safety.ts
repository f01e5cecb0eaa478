/**
 * What an MDX document may not contain: anything that would run code in a
 * reader's browser or pull in another site. MDX compiles raw tags into the
 * page, so these are stopped before the build with the line they are on.
 */
import type { ContentIssue } from './content-issue.ts';

const RULES: { pattern: RegExp; message: string; hint: string }[] = [
  {
    pattern: /<\s*(script|iframe|object|embed|frame|frameset|style|link|meta|base|form)\b/i,
    message: '不允许嵌入脚本、外部页面、样式或表单标签',
    hint: '删除该标签；正文只用文字、标题、列表、表格和普通链接',
  },
  {
    pattern: /<[A-Za-z][^>]*\s(on[a-z]+)\s*=/i,
    message: '不允许在标签上写 on… 事件属性（会执行脚本）',
    hint: '删除该属性',
  },
  {
    pattern: /(\]\(\s*|\b(href|src)\s*=\s*["']?\s*)(javascript|vbscript|data):/i,
    message: '不允许 javascript:、vbscript: 或 data: 链接',
    hint: '链接只能指向本站页面（以 / 开头）或 https:// 网址',
  },
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
      if (match) issues.push({ file, line: firstLine + index, value: match[0].trim(), message: rule.message, hint: rule.hint });
    }
  });
  return issues;
}
