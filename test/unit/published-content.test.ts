import { expect, test } from 'vitest';
import { publishedContent } from '../../src/lib/published-view.ts';
import type { ContentModel } from '../../src/lib/content/content-model.ts';

const doc = (id: string, draft: boolean) => ({ id, file: `${id}.mdx`, data: { draft }, anchors: [], headings: [] });
const row = <T>(data: T, n: number) => ({ file: 'x.csv', row: n, data });

const model = {
  regions: [],
  indicators: [],
  trackers: [],
  unreadableDocuments: new Set<string>(),
  policies: [doc('p-published', false), doc('p-draft', true)],
  briefings: [doc('b-published', false), doc('b-draft', true)],
  taskLists: [
    { id: 'of-published', file: 'a.csv', headers: [], rows: [row({ policy: 'p-published' }, 2)] },
    { id: 'of-draft', file: 'b.csv', headers: [], rows: [row({ policy: 'p-draft' }, 2), row({ policy: 'p-draft' }, 3)] },
  ],
  targets: [row({ policy: 'p-published' }, 2), row({ policy: 'p-draft' }, 3)],
  assignments: [row({ policy: 'p-draft' }, 2)],
  progress: [row({ briefing: 'b-published' }, 2), row({ briefing: 'b-draft' }, 3), row({ briefing: 'b-draft' }, 4)],
  rankingTiers: [row({ briefing: 'b-draft' }, 2)],
  evaluationWeights: [row({ briefing: 'b-published' }, 2)],
} as unknown as ContentModel;

test('drafts and every row citing one are left out; the rest is kept as it is', () => {
  const shown = publishedContent(model);
  expect(shown.policies.map((p) => p.id)).toEqual(['p-published']);
  expect(shown.briefings.map((b) => b.id)).toEqual(['b-published']);
  expect(shown.taskLists.map((l) => l.id)).toEqual(['of-published']);
  expect(shown.targets.map((t) => t.row)).toEqual([2]);
  expect(shown.assignments).toEqual([]);
  expect(shown.progress.map((p) => p.row)).toEqual([2]);
  expect(shown.rankingTiers).toEqual([]);
  expect(shown.evaluationWeights.map((w) => w.row)).toEqual([2]);
});

test('content without drafts is the same model', () => {
  const noDrafts = { ...model, policies: [doc('p', false)], briefings: [doc('b', false)] } as unknown as ContentModel;
  expect(publishedContent(noDrafts)).toBe(noDrafts);
});
