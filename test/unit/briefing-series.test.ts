import { expect, test } from 'vitest';
import { adjacentIssues } from '../../src/lib/briefing-series.ts';

const issue = (id: string, n: number, series = '龙南工作简报', region = 'longnan') => ({ id, series, region, issue: n });
const all = [issue('l5', 5), issue('l3', 3), issue('l2', 2), issue('w4', 4, '万里区工作简报', 'wanli'), issue('l7', 7)];

test('the previous and next issues are the nearest numbers in the same series, skipping gaps', () => {
  expect(adjacentIssues(all, issue('l3', 3))).toEqual({ previous: all[2], next: all[0] });
  expect(adjacentIssues(all, issue('l5', 5))).toEqual({ previous: all[1], next: all[4] });
});

test('the first and last issues have one neighbour, a lone issue none, and other series never count', () => {
  expect(adjacentIssues(all, issue('l2', 2))).toEqual({ next: all[1] });
  expect(adjacentIssues(all, issue('l7', 7))).toEqual({ previous: all[0] });
  expect(adjacentIssues(all, issue('w4', 4, '万里区工作简报', 'wanli'))).toEqual({});
});
