import { expect, test } from 'vitest';
import { listingPageHead, pageGroups, pageLinks, pageOfPosition, taskRowLinks, TASK_ROWS_PER_PAGE } from '../../src/lib/pagination.ts';
import { pagePath } from '../../src/lib/routes.ts';

test('page 1 is the listing itself; later pages are numbered below it', () => {
  expect(pagePath('/policies/', 1)).toBe('/policies/');
  expect(pagePath('/policies/', 3)).toBe('/policies/3/');
});

test('items fill pages in order', () => {
  expect(pageOfPosition(0, 100)).toBe(1);
  expect(pageOfPosition(99, 100)).toBe(1);
  expect(pageOfPosition(100, 100)).toBe(2);
});

test('a task row links to the page its number order puts it on, whatever the file order', () => {
  const numbers = Array.from({ length: TASK_ROWS_PER_PAGE + 5 }, (_, i) => TASK_ROWS_PER_PAGE + 5 - i);
  const links = taskRowLinks('l', numbers);
  expect(links.get(1)).toBe('/tasks/l/#r1');
  expect(links.get(TASK_ROWS_PER_PAGE)).toBe(`/tasks/l/#r${TASK_ROWS_PER_PAGE}`);
  expect(links.get(TASK_ROWS_PER_PAGE + 1)).toBe(`/tasks/l/2/#r${TASK_ROWS_PER_PAGE + 1}`);
  expect(links.size).toBe(numbers.length);
});

test('page links keep the ends and the neighbourhood, with gaps marked once', () => {
  expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
  expect(pageLinks(10, 20)).toEqual([1, undefined, 8, 9, 10, 11, 12, undefined, 20]);
  expect(pageLinks(1, 20)).toEqual([1, 2, 3, undefined, 20]);
});

test('a later page names its number in the title and links back to the listing', () => {
  expect(listingPageHead('政策文件', '/policies/', 1)).toEqual({ title: '政策文件', crumbs: [{ label: '政策文件' }] });
  expect(listingPageHead('清单', '/tasks/l/', 2, [{ label: '任务清单', href: '/tasks/' }])).toEqual({
    title: '清单（第2页）',
    crumbs: [{ label: '任务清单', href: '/tasks/' }, { label: '清单', href: '/tasks/l/' }, { label: '第2页' }],
  });
});

test('pageGroups keeps items whole and in order, filling each page up to its size', () => {
  const sizes = [3, 3, 5, 3, 20, 1];
  const pages = pageGroups(sizes, (n) => n, 9);
  expect(pages).toEqual([[3, 3], [5, 3], [20], [1]]);
  expect(pages.flat()).toEqual(sizes);
  expect(pageGroups([], (n: number) => n, 9)).toEqual([[]]);
});
