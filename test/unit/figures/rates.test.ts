import { describe, expect, test } from 'vitest';
import { checkPublishedRate, completionRate, describeDisagreement, percentOf } from '../../../src/lib/figures/rates.ts';
import { sumOfParts } from '../../../src/core/tracker-counts.ts';

test('completion rate is completed over total, in percent to one decimal', () => {
  expect(completionRate(32, 93)).toBe(34.4);
  expect(completionRate(69, 125)).toBe(55.2);
  expect(completionRate(83, 105)).toBe(79);
  expect(completionRate(0, 10)).toBe(0);
  expect(completionRate(10, 10)).toBe(100);
  expect(percentOf(1, 3)).toBe(33.3);
  expect(percentOf(2, 3)).toBe(66.7);
});

test('there is no rate without a total', () => {
  expect(completionRate(0, 0)).toBeUndefined();
});

test('parts that were not published count as zero in the sum', () => {
  expect(sumOfParts({ total: 93, completed: 32, notCompleted: 55, longTerm: 6 })).toBe(93);
  expect(sumOfParts({ total: 105, completed: 83, inProgress: 11, notCompleted: 11 })).toBe(105);
});

describe('checkPublishedRate', () => {
  test('a rate that equals completed ÷ total agrees', () => {
    const check = checkPublishedRate({ total: 93, completed: 32, notCompleted: 55, longTerm: 6 }, 34.4);
    expect(check).toMatchObject({ computed: 34.4, agrees: true });
    expect(check.matching.map((f) => f.id)).toEqual(['completed']);
    expect(describeDisagreement(check)).toBeUndefined();
  });

  test('a rate that counts work in progress as done is caught and explained', () => {
    const check = checkPublishedRate({ total: 105, completed: 83, inProgress: 11, notCompleted: 11 }, 89.5);
    expect(check).toMatchObject({ computed: 79, published: 89.5, agrees: false });
    expect(check.matching.map((f) => f.id)).toEqual(['completed-and-in-progress', 'all-but-not-completed']);
    expect(describeDisagreement(check)).toMatchInlineSnapshot(
      `"公布的完成率与分项数字不一致：按“已完成 ÷ 总数”计算为 79.0%；公布的 89.5% 与“（已完成 + 正在推进）÷ 总数”或“（总数 − 未完成）÷ 总数”的结果一致。本站照录公布数字，不作更改。"`,
    );
  });

  test('a rate no formula explains is reported as such', () => {
    const check = checkPublishedRate({ total: 10, completed: 5, inProgress: 5 }, 42);
    expect(check.matching).toEqual([]);
    expect(describeDisagreement(check)).toMatchInlineSnapshot(
      `"公布的完成率与分项数字不一致：按“已完成 ÷ 总数”计算为 50.0%；公布的 42% 与本站考察的各种算法都不一致。本站照录公布数字，不作更改。"`,
    );
  });

  test('a missing part never makes a formula match by accident', () => {
    const check = checkPublishedRate({ total: 100, completed: 50 }, 60);
    expect(check.matching).toEqual([]);
  });

  test('nothing published, nothing to disagree with', () => {
    expect(checkPublishedRate({ total: 10, completed: 5 }, undefined)).toMatchObject({ computed: 50, agrees: true });
  });
});
