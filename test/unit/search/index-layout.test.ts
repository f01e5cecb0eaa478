import { expect, test } from 'vitest';
import { recordNumbers, shardCount } from '../../../src/lib/search/index-layout.ts';
import { CHUNK_SIZE } from '../../../src/lib/search/search-index-format.ts';

test('records of one kind and regions are numbered on from a round number, so a publication renumbers its own group only', () => {
  const kinds = ['工作简报', '工作简报', '工作简报', '任务清单', '工作简报'];
  const regions = [['龙南'], ['龙南'], ['青山湖'], ['青山湖'], ['青山湖']];
  expect(recordNumbers(kinds.map((kind, i) => ({ kind, regions: regions[i]! })))).toEqual([0, 1, 128, 256, 384]);
  // Every record file starts a group or continues one: a file never holds two.
  expect(128 % CHUNK_SIZE).toBe(0);
});

test('the number of gram shards moves in steps, so a few more postings leave every gram in its shard', () => {
  expect([1, 2, 63].map(shardCount)).toEqual([1, 2, 63]);
  expect(shardCount(14_900)).toBe(shardCount(15_000));
  for (const needed of [64, 100, 1000, 14_954]) {
    expect(shardCount(needed)).toBeGreaterThanOrEqual(needed);
    expect(shardCount(needed)).toBeLessThan(needed * 1.07);
  }
});
