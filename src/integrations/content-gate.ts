/**
 * Stops `astro build`, `astro dev` and `astro check` before anything is
 * rendered when the content has problems, listing every problem at once.
 */
import type { AstroIntegration } from 'astro';
import { checkContent, displayRoot } from '../loaders/content-files.ts';
import { formatIssue } from '../lib/content/content-issue.ts';

export function contentGate(): AstroIntegration {
  return {
    name: 'content-gate',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { issues } = checkContent();
        if (issues.length === 0) {
          logger.info(`内容检查通过：${displayRoot()}`);
          return;
        }
        for (const issue of issues) logger.error(formatIssue(issue));
        logger.error(`共发现 ${issues.length} 处内容问题，网站未生成。请逐条修正后重新运行。`);
        // A clean exit code without a stack trace: the list above is the whole message.
        process.exit(1);
      },
    },
  };
}
