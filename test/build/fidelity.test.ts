/**
 * Nothing of the source documents is lost: every sentence and every table cell
 * of each original extracted text appears on the pages made from it. Only
 * whitespace and the width of punctuation are normalised; fragments removed as
 * extraction noise are listed, with reasons, in content/sources/removed.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { builtPages, visibleText } from '../support/site.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { FIGURE_NOTE_MARK, normaliseForComparison, sourceUnits } from '../support/fidelity.ts';

const SOURCES = join(PROJECT_ROOT, 'content', 'sources');
const removed: Record<string, { text: string; reason: string }[]> = JSON.parse(readFileSync(join(SOURCES, 'removed.json'), 'utf8'));
const sourceIds = readdirSync(SOURCES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();
const { model } = validateContent(readContentFiles(join(PROJECT_ROOT, 'content')));

/** The pages a source document is published on: its own page and the tables attached to it. */
function publishedText(id: string): string {
  const pages = builtPages(inject('siteDir'));
  const policy = model.policies.find((p) => p.id === id);
  const urls = policy
    ? [`/policies/${id}/`, ...policy.data.attachments.filter((a) => a.dataset.startsWith('tasks/')).map((a) => `/${a.dataset}/`)]
    : [`/briefings/${id}/`];
  return urls
    .map((url) => {
      const page = pages.find((p) => p.url === url);
      if (!page) throw new Error(`${id} should be published at ${url}`);
      return normaliseForComparison(visibleText(page));
    })
    .join('\u0000');
}

test('every source text is a published policy or briefing', () => {
  expect(sourceIds.length).toBe(model.policies.length + model.briefings.length);
  for (const id of sourceIds) expect([...model.policies, ...model.briefings].map((d) => d.id)).toContain(id);
});

describe.each(sourceIds)('%s', (id) => {
  const source = readFileSync(join(SOURCES, `${id}.txt`), 'utf8');
  const noise = (removed[id] ?? []).map((r) => normaliseForComparison(r.text));

  test('each removed fragment really is in the source, with a reason', () => {
    for (const entry of removed[id] ?? []) {
      expect(normaliseForComparison(source)).toContain(normaliseForComparison(entry.text));
      expect(entry.reason.length).toBeGreaterThan(0);
    }
  });

  test('every sentence and table cell appears on the site', () => {
    const site = publishedText(id);
    const units = sourceUnits(source).filter((unit) => !noise.some((n) => n.includes(unit)));
    expect(units.length).toBeGreaterThan(10);
    const missing = units.filter((unit) => !site.includes(unit));
    expect(missing).toEqual([]);
  });
});

test('no source holds the note mark the fidelity comparison ignores', () => {
  for (const id of sourceIds) expect(readFileSync(join(SOURCES, `${id}.txt`), 'utf8'), id).not.toContain(FIGURE_NOTE_MARK);
});

describe('quoted figures', () => {
  // Parsed once: each figure looks up its page, and parsing every page per figure takes minutes on a busy machine.
  let built: ReturnType<typeof builtPages> | undefined;
  const pages = () => (built ??= builtPages(inject('siteDir')));
  const textOf = (url: string) => normaliseForComparison(visibleText(pages().find((p) => p.url === url)!));

  test('every target quotes its policy word for word', () => {
    const missing = model.targets.filter((t) => !textOf(`/policies/${t.data.policy}/`).includes(normaliseForComparison(t.data.quote)));
    expect(missing.map((t) => `${t.data.id}: ${t.data.quote}`)).toEqual([]);
  });

  test('every progress figure quotes its briefing word for word, and the counts appear in the quote', () => {
    for (const { data } of model.progress) {
      expect(textOf(`/briefings/${data.briefing}/`)).toContain(normaliseForComparison(data.quote));
      for (const count of [data.total, data.completed, data.inProgress, data.notCompleted, data.longTerm]) {
        if (count !== undefined) expect(data.quote).toContain(`${count}`);
      }
      if (data.publishedRate !== undefined) expect(data.quote).toContain(`${data.publishedRate}%`);
    }
  });
});
