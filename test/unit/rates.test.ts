import { expect, test } from 'vitest';
import { completionRate, sumOfParts } from '../../src/lib/rates.ts';

test('completion rate is completed over total, in percent to one decimal', () => {
  expect(completionRate(32, 93)).toBe(34.4);
  expect(completionRate(69, 125)).toBe(55.2);
  expect(completionRate(83, 105)).toBe(79);
  expect(completionRate(0, 10)).toBe(0);
  expect(completionRate(10, 10)).toBe(100);
});

test('there is no rate without a total', () => {
  expect(completionRate(0, 0)).toBeUndefined();
});

test('parts that were not published count as zero in the sum', () => {
  expect(sumOfParts({ total: 93, completed: 32, notCompleted: 55, longTerm: 6 })).toBe(93);
  expect(sumOfParts({ total: 105, completed: 83, inProgress: 11, notCompleted: 11 })).toBe(105);
});
