import { expect, test } from 'vitest';
import {
  isPublished,
  publishedBriefings,
  publishedById,
  publishedPolicies,
  taskListHeadings,
  taskRowAddresses,
  taskRowLabel,
} from '../../src/lib/published-view.ts';
import { TASK_ROWS_PER_PAGE } from '../../src/lib/pagination.ts';

const policy = (
  id: string,
  dates: { publishedDate?: string; writtenDate?: string; year?: number },
  extra: { draft?: boolean; attachments?: { dataset: string; title: string }[] } = {},
) => ({
  id,
  data: { ...dates, draft: extra.draft, attachments: extra.attachments ?? [] },
});
const briefing = (id: string, date: string, draft?: boolean) => ({ id, data: { date, draft } });

test('drafts are left out; everything else is published', () => {
  expect(isPublished(briefing('a', '2024-01-01', true))).toBe(false);
  expect(isPublished(briefing('a', '2024-01-01', false))).toBe(true);
  expect(isPublished(briefing('a', '2024-01-01'))).toBe(true);
  expect([...publishedById([briefing('a', '2024-01-01', true), briefing('b', '2024-01-01')]).keys()]).toEqual(['b']);
});

test('policies are listed newest first by published date, else written date, else year; ties by id', () => {
  const listed = publishedPolicies([
    policy('old', { year: 2021 }),
    policy('written', { writtenDate: '2023-05-01' }),
    policy('draft', { publishedDate: '2030-01-01' }, { draft: true }),
    policy('b-same', { publishedDate: '2023-06-01' }),
    policy('a-same', { publishedDate: '2023-06-01' }),
  ]);
  expect(listed.map((p) => p.id)).toEqual(['a-same', 'b-same', 'written', 'old']);
});

test('briefings are listed newest first, drafts left out', () => {
  const listed = publishedBriefings([briefing('x-1', '2023-01-05'), briefing('x-3', '2023-03-05', true), briefing('x-2', '2023-02-05')]);
  expect(listed.map((b) => b.id)).toEqual(['x-2', 'x-1']);
});

test('a task list takes its title and policy from the newest published policy attaching it, else its id', () => {
  const newer = policy('newer', { publishedDate: '2024-01-01' }, { attachments: [{ dataset: 'tasks/shared', title: '附件1 新的清单' }] });
  const older = policy(
    'older',
    { publishedDate: '2023-01-01' },
    {
      attachments: [
        { dataset: 'tasks/shared', title: '附件 旧的清单' },
        { dataset: 'tasks/own', title: '附件2 自己的清单' },
      ],
    },
  );
  const headings = taskListHeadings(publishedPolicies([older, newer]), ['shared', 'own', 'loose']);
  expect(headings.get('shared')).toEqual({ title: '附件1 新的清单', policy: newer });
  expect(headings.get('own')).toEqual({ title: '附件2 自己的清单', policy: older });
  expect(headings.get('loose')).toEqual({ title: 'loose', policy: undefined });
});

test('a task row is named by its list, number and indicator, else its special action', () => {
  expect(taskRowLabel('附件1', { number: 12, indicatorName: '开办企业', action: '专项行动' })).toBe('附件1 第12项（开办企业）');
  expect(taskRowLabel('附件1', { number: 3, indicatorName: '', action: '专项行动' })).toBe('附件1 第3项（专项行动）');
  expect(taskRowLabel('附件1', { number: 4 })).toBe('附件1 第4项');
});

test('a task row address points at the page of the list that holds it, by number order', () => {
  const numbers = Array.from({ length: TASK_ROWS_PER_PAGE + 1 }, (_, i) => TASK_ROWS_PER_PAGE + 1 - i);
  const address = taskRowAddresses([
    ['big', numbers],
    ['small', [2, 1]],
  ]);
  expect(address({ list: 'big', number: 1 })).toBe('/tasks/big/#r1');
  expect(address({ list: 'big', number: TASK_ROWS_PER_PAGE + 1 })).toBe(`/tasks/big/2/#r${TASK_ROWS_PER_PAGE + 1}`);
  expect(address({ list: 'small', number: 2 })).toBe('/tasks/small/#r2');
  expect(address({ list: 'unknown', number: 7 })).toBe('/tasks/unknown/#r7');
});
