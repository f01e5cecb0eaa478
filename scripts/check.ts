/**
 * `npm run check`: validates all content (schemas, cross-references, sums)
 * without rendering the site, prints every problem, exits non-zero if any.
 * The work is check-command.ts; this file prints its result and sets the exit code.
 */
import { contentRoot } from '../src/loaders/content-files.ts';
import { printResult } from './command-result.ts';
import { runCheck } from './check-command.ts';

printResult(runCheck({ contentDir: contentRoot(), cwd: process.cwd() }));
