import { describe, expect, it } from 'vitest';
import { decodePosting, GramPostings } from '../../../src/lib/search/search-postings.ts';
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
