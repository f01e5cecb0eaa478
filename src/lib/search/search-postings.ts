/**
 * Postings: the ids of the records holding a gram, ascending, written as
 * gaps in variable-length bytes or as a bitmap, whichever is shorter, in
 * base64. Pure.
 */
import { fromBase64, toBase64 } from './base64.ts';

/** Record ids (ascending) as gaps in variable-length bytes, or as a bitmap, whichever is shorter. */
export class PostingWriter {
  bytes = new Uint8Array(8);
  length = 0;
  last = -1;
  count = 0;
  add(id: number): void {
    let gap = id - this.last - 1;
    this.last = id;
    this.count += 1;
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (gap >= 128) {
      this.bytes[this.length++] = (gap & 127) | 128;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
  }
  encode(records: number): string {
    const bitmapLength = Math.ceil(records / 8);
    if (this.length <= bitmapLength) return `v${toBase64(this.bytes.subarray(0, this.length))}`;
    const bitmap = new Uint8Array(bitmapLength);
    forEachGapId(this.bytes.subarray(0, this.length), (id) => (bitmap[id >> 3]! |= 1 << (id & 7)));
    return `b${toBase64(bitmap)}`;
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

export function decodePosting(encoded: string): number[] {
  const bytes = fromBase64(encoded.slice(1));
  const ids: number[] = [];
  if (encoded[0] === 'v') {
    forEachGapId(bytes, (id) => ids.push(id));
    return ids;
  }
  for (let i = 0; i < bytes.length; i++) for (let bit = 0; bit < 8; bit++) if (bytes[i]! & (1 << bit)) ids.push(i * 8 + bit);
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
