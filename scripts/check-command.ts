/**
 * The work of `npm run check` (scripts/check.ts): validates all content
 * (schemas, cross-references, sums) without rendering the site, and reports
 * every problem, or a one-line summary when there is none.
 */
import { formatIssueReport } from '../src/lib/content/content-issue.ts';
import { checkContent, displayRoot } from '../src/loaders/content-files.ts';
import { failed, succeeded, type CommandPlace, type CommandResult } from './command-result.ts';

export function runCheck(place: CommandPlace): CommandResult {
  const started = performance.now();
  // The content cache is keyed by the folder and the files' sizes and times, so a check of one folder never answers for another.
  const { model, issues } = checkContent(place.contentDir);
  const elapsed = Math.round(performance.now() - started);
  if (issues.length > 0) return failed(formatIssueReport(issues));
  const rows = model.taskLists.reduce((sum, list) => sum + list.rows.length, 0);
  return succeeded(
    `内容检查通过：${displayRoot(place.contentDir, place.cwd)}（${model.policies.length} 份政策、${model.briefings.length} 期简报、${model.taskLists.length} 份任务清单共 ${rows} 行，用时 ${elapsed} 毫秒）`,
  );
}
