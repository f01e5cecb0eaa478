/**
 * `npm run check`: validates all content (schemas, cross-references, sums)
 * without rendering the site, prints every problem, exits non-zero if any.
 */
import { checkContent, displayRoot } from '../src/loaders/content-files.ts';
import { formatIssueReport } from '../src/lib/content/content-issue.ts';

const started = performance.now();
const { model, issues } = checkContent();
const elapsed = Math.round(performance.now() - started);

if (issues.length > 0) {
  console.error(formatIssueReport(issues));
  process.exitCode = 1;
} else {
  const rows = model.taskLists.reduce((sum, list) => sum + list.rows.length, 0);
  console.log(
    `内容检查通过：${displayRoot()}（${model.policies.length} 份政策、${model.briefings.length} 期简报、${model.taskLists.length} 份任务清单共 ${rows} 行，用时 ${elapsed} 毫秒）`,
  );
}
