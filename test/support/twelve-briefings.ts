/**
 * The twelve-briefing fixture (test/fixtures/twelve-briefings): one region,
 * two tracked lists reported monthly through 2023. 对标提升 rises, falls in
 * June and rises again; the December briefing revises November (74 → 76
 * completed). 创新试点 grows from 125 to 140 items in September (its rate
 * falls), and April publishes a rate that counts work in progress as done.
 */
import { join } from 'node:path';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { revisionLinks } from '../../src/lib/figures/revisions.ts';
import { FIXTURES } from './fixtures.ts';

export const TWELVE_BRIEFINGS = join(FIXTURES, 'twelve-briefings');

/** The fixture's progress rows as the site publishes them: each with its briefing's date, and the revision links. */
export function twelveBriefingRows() {
  const { model, issues } = validateContent(readContentFiles(TWELVE_BRIEFINGS));
  if (issues.length > 0) throw new Error(`the fixture does not validate: ${JSON.stringify(issues[0])}`);
  const dates = new Map(model.briefings.map((b) => [b.id, b.data.date]));
  const rows = model.progress.map((p) => ({ ...p.data, publishedOn: dates.get(p.data.briefing)! }));
  return { model, rows, revisions: revisionLinks(rows) };
}
