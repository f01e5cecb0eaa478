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
    const got = [...postings].map(([key, writer]) => [key, decodePosting(writer.encode(300))] as const);
    // In order of first sight, as a Map's entries, so the index's files are numbered the same however it is built.
    expect(got).toEqual([...expected]);
  });

  it('forgets everything once cleared', () => {
    const postings = new GramPostings();
    postings.add(7, 0);
    postings.clear();
    postings.add(7, 3);
    expect([...postings].map(([key, writer]) => [key, decodePosting(writer.encode(8))])).toEqual([[7, [3]]]);
  });
});

describe('toBase64', () => {
  it('encodes a view into a larger buffer as the bytes it shows, as btoa does', () => {
    const buffer = new Uint8Array(20_000).map((_, n) => (n * 31) % 256);
    const view = buffer.subarray(3, 19_000);
    expect(toBase64(view)).toBe(btoa(String.fromCharCode(...Array.from(view))));
  });
});
