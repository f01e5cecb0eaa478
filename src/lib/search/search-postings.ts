/**
 * Postings: the ids of the records holding a gram, ascending, written as
 * gaps in variable-length bytes or as a bitmap, whichever is shorter, in
 * base64. Pure.
 */
import { fromBase64, toBase64 } from './base64.ts';

/**
 * Record ids (ascending, the greatest `last`) as gaps in variable-length bytes, or as a bitmap up to the byte of
 * `last`, whichever is shorter. The bitmap stops at its last record rather than at the index's last number, so a
 * posting's bytes depend on its own records only: a group that grows at the end of the numbering changes no other.
 */
export function encodeGaps(gaps: Uint8Array, last: number): string {
  const bitmapLength = (last >> 3) + 1;
  if (gaps.length <= bitmapLength) return `v${toBase64(gaps)}`;
  const bitmap = new Uint8Array(bitmapLength);
  forEachGapId(gaps, (id) => (bitmap[id >> 3]! |= 1 << (id & 7)));
  return `b${toBase64(bitmap)}`;
}

/** Gap bytes of ascending ids, written as they come, into a buffer that grows. */
export class GapWriter {
  private buffer = new Uint8Array(64);
  private length = 0;
  last = -1;
  count = 0;

  push(id: number): void {
    // Five bytes hold any gap below 2^35.
    if (this.length + 5 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    let gap = id - this.last - 1;
    this.last = id;
    this.count += 1;
    do {
      this.buffer[this.length++] = gap >= 128 ? (gap & 127) | 128 : gap;
      gap >>>= 7;
    } while (gap > 0);
  }

  gaps(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** One gram's posting: how many records hold it, their ids, and its encoding. */
export interface Posting {
  readonly count: number;
  ids(): number[];
  encode(): string;
}

/** Fibonacci hashing into a table of `size` slots (a power of two): the product's high bits, since a pair's low bits are only its second character. */
export function slotOf(key: number, size: number): number {
  return Math.imul(key, 0x9e3779b1) >>> (Math.clz32(size) + 1);
}

/** The gap bytes live in pages of this size (bytes); a block never spans two. */
const PAGE_BITS = 22;
const PAGE_SIZE = 1 << PAGE_BITS;
/** Each posting's bytes are a chain of blocks, each four bytes of link then data: 8 data bytes first, doubling up to 64 KB. */
const LINK = 4;
const FIRST_BLOCK = 8;
const LARGEST_BLOCK = 1 << 16;
const blockSize = (nth: number) => Math.min(FIRST_BLOCK << Math.min(nth, 13), LARGEST_BLOCK);

/** A block's link, the address of the next block's data, in the four bytes before its own data at `data`. */
function writeLink(page: Uint8Array, data: number, next: number): void {
  for (let byte = 0; byte < LINK; byte++) page[data - LINK + byte] = (next >>> (8 * byte)) & 255;
}

function readLink(page: Uint8Array, data: number): number {
  let next = 0;
  for (let byte = 0; byte < LINK; byte++) next |= page[data - LINK + byte]! << (8 * byte);
  return next;
}

/** A copy of `array` with room for `size` items. */
function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(size);
  copy.set(array);
  return copy;
}

/**
 * The postings of every gram of a build, keyed by non-negative integers below 2^31 (gram-reader.ts keys
 * characters and pairs so): an open-addressing table over typed arrays rather than a Map, since a province's
 * text makes about 130 million lookups. Records must be added in ascending order; a record is kept once per gram.
 * A posting's state is a slot in typed arrays and its gaps are written into shared pages, rather than an object
 * and a growing buffer per gram: at province scale that made the whole index about 4 s of CPU faster, the same bytes.
 */
export class GramPostings {
  private keys = new Int32Array(1 << 12).fill(-1);
  private slots = new Int32Array(1 << 12);
  /** In order of first sight, like a Map's entries. */
  private keyOf: number[] = [];
  // Per posting: the last record added, how many, the gap bytes written, its first block's address, where its
  // next byte goes, its current block's place in the chain, and the room left there.
  private last = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private heads = new Int32Array(1 << 12);
  private cursors = new Int32Array(1 << 12);
  private blocks = new Int32Array(1 << 12);
  private rooms = new Int32Array(1 << 12);
  private pages: Uint8Array[] = [];
  /** Where the next block goes: an address, page number times PAGE_SIZE plus the offset in the page. */
  private free = 0;

  add(key: number, id: number): void {
    const mask = this.keys.length - 1;
    let slot = slotOf(key, this.keys.length);
    let found = this.keys[slot]!;
    while (found !== key && found !== -1) {
      slot = (slot + 1) & mask;
      found = this.keys[slot]!;
    }
    let posting: number;
    if (found === -1) {
      posting = this.keyOf.length;
      this.keys[slot] = key;
      this.slots[slot] = posting;
      this.keyOf.push(key);
      this.open(posting);
      if (this.keyOf.length * 2 > this.keys.length) this.grow();
    } else {
      posting = this.slots[slot]!;
      if (this.last[posting] === id) return;
    }
    let gap = id - this.last[posting]! - 1;
    this.last[posting] = id;
    this.counts[posting]! += 1;
    do {
      if (this.rooms[posting] === 0) this.chain(posting);
      const at = this.cursors[posting]!;
      this.pages[at >>> PAGE_BITS]![at & (PAGE_SIZE - 1)] = gap >= 128 ? (gap & 127) | 128 : gap;
      this.cursors[posting] = at + 1;
      this.rooms[posting]! -= 1;
      this.lengths[posting]! += 1;
      gap >>>= 7;
    } while (gap > 0);
  }

  *[Symbol.iterator](): IterableIterator<[number, Posting]> {
    for (let posting = 0; posting < this.keyOf.length; posting++) {
      const count = this.counts[posting]!;
      yield [
        this.keyOf[posting]!,
        {
          count,
          ids: () => {
            const ids: number[] = [];
            forEachGapId(this.gaps(posting), (id) => ids.push(id));
            return ids;
          },
          encode: () => encodeGaps(this.gaps(posting), this.last[posting]!),
        },
      ];
    }
  }

  /** Lets the postings go once they are encoded: the fields of a new, empty table. */
  clear(): void {
    Object.assign(this, new GramPostings());
  }

  /** A new posting: its first block, with nothing in it yet. */
  private open(posting: number): void {
    if (posting === this.last.length) {
      const size = posting * 2;
      for (const name of ['last', 'counts', 'lengths', 'heads', 'cursors', 'blocks', 'rooms'] as const)
        this[name] = grown(this[name], size);
    }
    const block = this.block(0);
    this.last[posting] = -1;
    this.heads[posting] = block;
    this.cursors[posting] = block;
    this.blocks[posting] = 0;
    this.rooms[posting] = blockSize(0);
  }

  /** Links a next block to a posting's full one. */
  private chain(posting: number): void {
    const nth = this.blocks[posting]! + 1;
    const block = this.block(nth);
    // The full block's data ends where the cursor is.
    const full = this.cursors[posting]! - blockSize(nth - 1);
    writeLink(this.pages[full >>> PAGE_BITS]!, full & (PAGE_SIZE - 1), block);
    this.cursors[posting] = block;
    this.blocks[posting] = nth;
    this.rooms[posting] = blockSize(nth);
  }

  /** Room for the `nth` block of a chain; returns the address of its data. */
  private block(nth: number): number {
    const size = LINK + blockSize(nth);
    if ((this.free & (PAGE_SIZE - 1)) + size > PAGE_SIZE || this.free >>> PAGE_BITS >= this.pages.length) {
      if (this.pages.length >= 1 << (31 - PAGE_BITS)) throw new RangeError('search index: postings over 2 GB');
      this.free = this.pages.length * PAGE_SIZE;
      this.pages.push(new Uint8Array(PAGE_SIZE));
    }
    const data = this.free + LINK;
    this.free += size;
    return data;
  }

  /** A posting's gap bytes, gathered from its chain. */
  private gaps(posting: number): Uint8Array {
    const out = new Uint8Array(this.lengths[posting]!);
    let block = this.heads[posting]!;
    for (let nth = 0, done = 0; done < out.length; nth++) {
      const page = this.pages[block >>> PAGE_BITS]!;
      const at = block & (PAGE_SIZE - 1);
      const take = Math.min(blockSize(nth), out.length - done);
      out.set(page.subarray(at, at + take), done);
      done += take;
      if (done < out.length) block = readLink(page, at);
    }
    return out;
  }

  private grow(): void {
    const size = this.keys.length * 2;
    this.keys = new Int32Array(size).fill(-1);
    this.slots = new Int32Array(size);
    this.keyOf.forEach((key, posting) => {
      let slot = slotOf(key, size);
      while (this.keys[slot] !== -1) slot = (slot + 1) & (size - 1);
      this.keys[slot] = key;
      this.slots[slot] = posting;
    });
  }
}

function forEachGapId(bytes: Uint8Array, visit: (id: number) => void): void {
  let last = -1;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap |= (byte & 127) << shift;
    if (byte & 128) shift += 7;
    else {
      last += gap + 1;
      visit(last);
      gap = 0;
      shift = 0;
    }
  }
}

/** Visits the ids of an encoded posting, ascending. */
export function forEachId(encoded: string, visit: (id: number) => void): void {
  const bytes = fromBase64(encoded.slice(1));
  if (encoded[0] === 'v') forEachGapId(bytes, visit);
  else
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i]!;
      if (byte !== 0) for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) visit(i * 8 + bit);
    }
}

export function decodePosting(encoded: string): number[] {
  const ids: number[] = [];
  forEachId(encoded, (id) => ids.push(id));
  return ids;
}

export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}
