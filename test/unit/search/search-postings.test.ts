import { describe, expect, it } from 'vitest';
import { decodePosting, GramPostings, patchPosting } from '../../../src/lib/search/search-postings.ts';
import { toBase64 } from '../../../src/lib/search/base64.ts';

describe('GramPostings', () => {
  it('keeps, per key, the records that hold it once each and ascending, across thousands of keys', () => {
    const postings = new GramPostings();
    const expected = new Map<number, number[]>();
    // Pair keys as the index writer makes them ((first + 1) × 2^15 + second): many share their low bits.
    const keys = Array.from({ length: 5000 }, (_, n) => (n < 100 ? n : ((n % 70) + 1) * 0x8000 + (n % 50)));
    for (let record = 0; record < 300; record++)
      for (let step = 0; step < 40; step++) {
        const key = keys[(record * 7919 + step * 104729) % keys.length]!;
        postings.add(key, record);
        postings.add(key, record);
        const list = expected.get(key) ?? [];
        if (list.at(-1) !== record) list.push(record);
        expected.set(key, list);
      }
    const got = [...postings].map(([key, writer]) => [key, decodePosting(writer.encode())] as const);
    // In order of first sight, as a Map's entries, so the index's files are numbered the same however it is built.
    expect(got).toEqual([...expected]);
  });

  it('keeps long postings whole: gaps of one to three bytes, across blocks and pages of its storage', () => {
    const postings = new GramPostings();
    const gaps = new Map([1, 2, 3].map((key) => [key, { bytes: [] as number[], last: -1, count: 0 }]));
    // Over 4 MB of gaps in all (a page of the storage), in three interleaved postings; gaps of 9, 200 and 20,000 ids.
    for (let record = 0, step = 0; record < 20_000_000; step++) {
      for (const key of step % 3 === 0 ? [1, 2, 3] : [1, 2]) {
        postings.add(key, record);
        const expected = gaps.get(key)!;
        for (let gap = record - expected.last - 1; ; gap >>>= 7) {
          expected.bytes.push(gap >= 128 ? (gap & 127) | 128 : gap);
          if (gap < 128) break;
        }
        expected.last = record;
        expected.count += 1;
      }
      record += step % 5000 === 0 ? 20_000 : step % 500 === 0 ? 200 : 9;
    }
    // Sparse enough that a bitmap up to the last record would be longer: the gaps are written out as they are.
    const got = new Map([...postings].map(([key, posting]) => [key, { encoded: posting.encode(), count: posting.count }]));
    for (const [key, expected] of gaps)
      expect(got.get(key)).toEqual({ encoded: `v${toBase64(Uint8Array.from(expected.bytes))}`, count: expected.count });
  });

  it('forgets everything once cleared', () => {
    const postings = new GramPostings();
    postings.add(7, 0);
    postings.clear();
    postings.add(7, 3);
    expect([...postings].map(([key, writer]) => [key, decodePosting(writer.encode())])).toEqual([[7, [3]]]);
  });
});

describe('toBase64', () => {
  it('encodes a view into a larger buffer as the bytes it shows, as btoa does', () => {
    const buffer = new Uint8Array(20_000).map((_, n) => (n * 31) % 256);
    const view = buffer.subarray(3, 19_000);
    expect(toBase64(view)).toBe(btoa(String.fromCharCode(...Array.from(view))));
  });
});

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
