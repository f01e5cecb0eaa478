/**
 * Stops `astro build`, `astro dev` and `astro check` before anything is
 * rendered when the content has problems, listing every problem at once.
 * A `--changed` build (the desk's, after each publication) reads again only
 * the files that changed since the last one (loaders/file-reads.ts). With
 * CONTENT_ISSUES_FILE set (the desk's builds), the problems are also written
 * there as JSON, for the desk to show staff.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkContent, contentRoot, displayRoot } from '../loaders/content-files.ts';
import { codeVersion, fileReadsIn } from '../loaders/file-reads.ts';
import { CHANGED_BUILD } from '../lib/build-mode.ts';
import { formatIssue, type ContentIssue } from '../lib/content/content-issue.ts';

/** What CONTENT_ISSUES_FILE holds: the problems, and the content folder as their paths show it. */
export interface RejectedContent {
  root: string;
  issues: ContentIssue[];
}

/** Where a `--changed` build keeps its file reads (loaders/file-reads.ts), in Astro's cache directory. */
export const contentReadsDir = (cacheDir: URL): string => fileURLToPath(new URL('content-reads/', cacheDir));

export function contentGate(): AstroIntegration {
  return {
    name: 'content-gate',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const kept =
          command === 'build' && CHANGED_BUILD
            ? fileReadsIn(contentReadsDir(config.cacheDir), codeVersion(fileURLToPath(config.root)), contentRoot())
            : undefined;
        const { issues } = checkContent(contentRoot(), kept?.reads);
        kept?.prune();
        if (issues.length === 0) {
          logger.info(`内容检查通过：${displayRoot()}`);
          return;
        }
        const issuesFile = process.env.CONTENT_ISSUES_FILE;
        if (issuesFile) writeFileSync(issuesFile, JSON.stringify({ root: displayRoot(), issues } satisfies RejectedContent));
        for (const issue of issues) logger.error(formatIssue(issue));
        logger.error(`共发现 ${issues.length} 处内容问题，网站未生成。请逐条修正后重新运行。`);
        // A clean exit code without a stack trace: the list above is the whole message.
        process.exit(1);
      },
    },
  };
}
