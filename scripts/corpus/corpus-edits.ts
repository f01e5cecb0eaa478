/**
 * Everyday publications, as changes to a content folder: a region's next
 * briefing, one corrected cell of a task list, one revised progress figure,
 * one corrected policy title. The republishing benchmark times the build
 * after the first two, and the incremental-build test checks that the fast
 * build after all four equals a full one.
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

/**
 * The last progress row with items not done, with one of them counted as done
 * instead (the total still adds up): its charts, tracker and statistics pages change.
 */
export function revisedProgressCount(files: readonly ContentFile[]): ContentFile {
  const table = files.find((f) => f.path === 'tables/progress.csv');
  const lines = table?.text.split('\n') ?? [];
  const columns = lines[0]?.replace(/^\uFEFF/, '').split(',') ?? [];
  const [done, notDone] = [columns.indexOf('已完成'), columns.indexOf('未完成')];
  // Ids, dates and counts come before the quoted text, and never hold a comma.
  const index = lines.findLastIndex((line, i) => i > 0 && Number(line.split(',')[notDone]) > 0);
  if (!table || done < 0 || notDone < 0 || index < 0) throw new Error('找不到有未完成事项的进展数字，无法修改。');
  const cells = lines[index]!.split(',');
  cells[done] = String(Number(cells[done]) + 1);
  cells[notDone] = String(Number(cells[notDone]) - 1);
  lines[index] = cells.join(',');
  return { path: table.path, text: lines.join('\n') };
}

/**
 * The first policy in path order that has a task list, with its title
 * corrected: its page, the listings and every download naming it beside its
 * id (its task lists' 来源政策标题) change.
 */
export function retitledPolicy(files: readonly ContentFile[]): ContentFile {
  const policy = files
    .filter((f) => f.path.startsWith('policies/') && /^\s+- \{.*dataset: tasks\//m.test(f.text))
    .sort((a, b) => a.path.localeCompare(b.path))[0];
  if (!policy || !/^title: .+方案$/m.test(policy.text)) throw new Error('找不到标题以“方案”结尾、附有任务清单的政策，无法修改。');
  return { path: policy.path, text: policy.text.replace(/^(title: .+)方案$/m, '$1实施方案') };
}
