/**
 * Per-character tables the search page needs only for some queries — the
 * complete traditional/variant → simplified table and the pinyin of common
 * characters — split into small files by code point, so a query downloads
 * only the parts holding its own characters. For the traditional table the
 * index meta also carries a bitmap of which characters have an entry, so a
 * query typed in simplified characters downloads nothing at all.
 */
import { fromBase64, toBase64 } from './base64.ts';

/** The bitmap covers CJK Extension A and the Unified Ideographs block; other entries travel inline. */
const BITMAP_FROM = 0x3400;
const BITMAP_TO = 0x9fff;

export interface CharacterTableMeta {
  /** Number of files the table is split into. */
  shards: number;
  /** Base64 bitmap of the code points in BITMAP_FROM..BITMAP_TO that have an entry (omitted: unknown, look every character up). */
  bitmap?: string;
  /** Entries outside the bitmap's range. */
  other?: Record<string, string>;
}

export const characterShard = (ch: string, shards: number) => ch.codePointAt(0)! % shards;

/** Splits a table into `shards` files' contents, with the meta describing them. */
export function splitCharacterTable(
  table: ReadonlyMap<string, string>,
  shards: number,
  withBitmap: boolean,
): { meta: CharacterTableMeta; files: Record<string, string>[] } {
  const files = Array.from({ length: shards }, () => ({}) as Record<string, string>);
  const meta: CharacterTableMeta = { shards };
  let bitmap: Uint8Array | undefined;
  if (withBitmap) {
    bitmap = new Uint8Array(Math.ceil((BITMAP_TO - BITMAP_FROM + 1) / 8));
    meta.other = {};
  }
  for (const [ch, value] of [...table].sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)) {
    const code = ch.codePointAt(0)!;
    if (bitmap && code >= BITMAP_FROM && code <= BITMAP_TO) {
      const bit = code - BITMAP_FROM;
      bitmap[bit >> 3]! |= 1 << (bit & 7);
      files[characterShard(ch, shards)]![ch] = value;
    } else if (bitmap) meta.other![ch] = value;
    else files[characterShard(ch, shards)]![ch] = value;
  }
  if (bitmap) meta.bitmap = toBase64(bitmap);
  return { meta, files };
}

/**
 * Reads entries of a split table for the characters asked, loading only the
 * files that hold them; remembers what it loaded.
 */
export function characterTableReader(meta: CharacterTableMeta, loadShard: (shard: number) => Promise<Record<string, string>>) {
  const bits = meta.bitmap ? fromBase64(meta.bitmap) : undefined;
  const shards = new Map<number, Promise<Record<string, string>>>();
  const known = new Map<string, string | undefined>(Object.entries(meta.other ?? {}));
  const mayHave = (ch: string) => {
    if (!bits) return true;
    const code = ch.codePointAt(0)!;
    if (code < BITMAP_FROM || code > BITMAP_TO) return false;
    const bit = code - BITMAP_FROM;
    return (bits[bit >> 3]! & (1 << (bit & 7))) !== 0;
  };
  return {
    /** Loads what `chars` need; afterwards `get` answers for them synchronously. */
    async prepare(chars: Iterable<string>): Promise<void> {
      const wanted = [...new Set(chars)].filter((ch) => !known.has(ch));
      await Promise.all(
        wanted.map(async (ch) => {
          if (!mayHave(ch)) return known.set(ch, undefined);
          const shard = characterShard(ch, meta.shards);
          if (!shards.has(shard)) shards.set(shard, loadShard(shard));
          known.set(ch, (await shards.get(shard)!)[ch]);
        }),
      );
    },
    get: (ch: string): string | undefined => known.get(ch),
  };
}
