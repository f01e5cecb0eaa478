import { expect, test } from 'vitest';
import { eachAtOnce } from '../../src/lib/each-at-once.ts';

test('every item is done once, never more than `width` at a time', async () => {
  const done: number[] = [];
  let running = 0;
  let most = 0;
  await eachAtOnce([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, n % 3));
    done.push(n);
    running -= 1;
  });
  expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(most).toBe(3);
});
