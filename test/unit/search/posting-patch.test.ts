/**
 * A publication patches the postings of the grams its edit touches: the result
 * must be the posting a full build writes for the same records, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { GramPostings } from '../../../src/lib/search/search-postings.ts';
import { patchPosting } from '../../../src/lib/search/posting-patch.ts';

describe('patchPosting', () => {
  /** The posting of `ids` (ascending) as a build writes it from scratch. */
  const encoded = (ids: readonly number[]) => {
    const postings = new GramPostings();
    for (const id of ids) postings.add(7, id);
    return ids.length === 0 ? undefined : [...postings][0]![1].encode();
  };
  /** A reproducible pseudo-random sequence, so a failure names its case. */
  const random = (seed: number) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  it("equals a build's posting from scratch when a group's records are replaced, sparse and dense, at every place", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      // Groups start at multiples of 128 with room to grow, as the index lays records out.
      const groups = 2 + Math.floor(next() * 40);
      const density = [0.002, 0.05, 0.3, 0.9][seed % 4]!;
      const sizes = Array.from({ length: groups }, () => 1 + Math.floor(next() * 120));
      const ids: number[] = [];
      sizes.forEach((size, g) => {
        for (let i = 0; i < size; i++) if (next() < density) ids.push(g * 128 + i);
      });
      const changed = Math.floor(next() * groups);
      const from = changed * 128;
      const to = from + sizes[changed]!;
      // The group's records after the edit: a few more or fewer, some holding the gram.
      const grown = Math.max(0, Math.min(127, sizes[changed]! + Math.floor(next() * 33) - 16));
      const added = Array.from({ length: grown }, (_, i) => from + i).filter(() => next() < Math.max(density, 0.2));
      const expected = [...ids.filter((id) => id < from || id >= to), ...added].sort((a, b) => a - b);
      const patched = patchPosting(encoded(ids), [[from, to]], added);
      expect(patched, `seed ${seed}`).toEqual({
        encoded: encoded(expected),
        count: expected.length,
        removed: ids.filter((id) => id >= from && id < to).length,
      });
    }
  });

  it('handles a posting that was empty, one that becomes empty, and several changed groups', () => {
    expect(patchPosting(undefined, [[128, 140]], [130, 131])).toEqual({ encoded: encoded([130, 131]), count: 2, removed: 0 });
    expect(patchPosting(encoded([3, 130]), [[128, 140]], [])).toEqual({ encoded: encoded([3]), count: 1, removed: 1 });
    expect(patchPosting(encoded([130]), [[128, 140]], [])).toEqual({ encoded: undefined, count: 0, removed: 1 });
    const dense = Array.from({ length: 600 }, (_, i) => i);
    expect(
      patchPosting(
        encoded(dense),
        [
          [0, 100],
          [256, 300],
        ],
        [5, 260],
      ),
    ).toEqual({
      encoded: encoded([5, ...dense.filter((id) => (id >= 100 && id < 256) || id >= 300), 260].sort((a, b) => a - b)),
      count: 458,
      removed: 144,
    });
  });
});
