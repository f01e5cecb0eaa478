/**
 * The two everyday publications, as changes to a content folder: a region's
 * next briefing, and one corrected cell of a task list. The republishing
 * benchmark times the build after each, and the incremental-build test
 * checks that the fast build of the result equals a full one.
 */
import type { ContentFile } from '../../src/lib/content/content-model.ts';

/** The month after `YYYY-MM-DD`, as `YYYY-MM`. */
function nextMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * The next issue of the series of the last briefing in path order: its text
 * with the issue number and date moved on a month, under the file name the
 * desk gives a briefing of that month.
 */
export function nextBriefingIssue(files: readonly ContentFile[]): ContentFile {
  const last = files
    .filter((f) => /^briefings\/.+-jianbao-\d{4}-\d{2}\.mdx$/.test(f.path))
    .sort((a, b) => a.path.localeCompare(b.path))
    .at(-1);
  if (!last) throw new Error('内容中没有简报，无法生成下一期。');
  const issue = Number(/^issue: (\d+)$/m.exec(last.text)?.[1]);
  const date = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(last.text)?.[1];
  if (!issue || !date) throw new Error(`${last.path} 缺少 issue 或 date，无法生成下一期。`);
  const month = nextMonth(date);
  const text = last.text
    .replace(/^issue: \d+$/m, `issue: ${issue + 1}`)
    .replace(/^date: .*$/m, `date: ${month}-04`)
    .replaceAll(`第${issue}期`, `第${issue + 1}期`);
  return { path: last.path.replace(/\d{4}-\d{2}\.mdx$/, `${month}.mdx`), text };
}

/** The first task list in path order with one word of its first task's 工作举措 corrected. */
export function correctedTaskCell(files: readonly ContentFile[]): ContentFile {
  const list = files.filter((f) => f.path.startsWith('tasks/') && f.path.endsWith('.csv')).sort((a, b) => a.path.localeCompare(b.path))[0];
  if (!list?.text.includes('积极推行')) throw new Error('找不到含“积极推行”的任务清单，无法修改。');
  return { path: list.path, text: list.text.replace('积极推行', '全面推行') };
}
