/**
 * Patching a gram's posting for a publication: the ids of the groups whose
 * records changed taken out and the groups' new ids put in, encoded as a
 * build from scratch would encode the result (search-postings.ts). Pure.
 */
import { fromBase64, toBase64 } from './base64.ts';
import { encodeGaps, forEachId, GapWriter } from './search-postings.ts';

/**
 * A posting with the ids in `ranges` ([from, to) each) taken out and `added` (ascending) put in, encoded as
 * GramPostings would encode it: how a publication patches a gram's posting without
 * decoding it into an array (a common character's holds most of a province's records). Returns the encoding
 * (undefined when no record is left), how many records hold the gram, and how many ids were taken out.
 */
export function patchPosting(
  encoded: string | undefined,
  ranges: readonly (readonly [number, number])[],
  added: readonly number[],
): PatchedPosting {
  // One group's records changed, as a publication changes them: patched as bytes, without visiting each id.
  if (encoded !== undefined && ranges.length === 1 && added.every((id, i) => i === 0 || id > added[i - 1]!)) {
    const [from, to] = ranges[0]!;
    const bytes = fromBase64(encoded.slice(1));
    const patched = encoded[0] === 'v' ? patchGaps(bytes, from, to, added) : patchBitmap(bytes, from, to, added);
    if (patched) return patched;
  }
  const out = new GapWriter();
  let next = 0;
  let removed = 0;
  if (encoded !== undefined)
    forEachId(encoded, (id) => {
      while (next < added.length && added[next]! <= id) out.push(added[next++]!);
      for (const [from, to] of ranges)
        if (id >= from && id < to) {
          removed += 1;
          return;
        }
      out.push(id);
    });
  while (next < added.length) out.push(added[next++]!);
  return { encoded: out.count === 0 ? undefined : encodeGaps(out.gaps(), out.last), count: out.count, removed };
}

interface PatchedPosting {
  encoded: string | undefined;
  count: number;
  removed: number;
}

/**
 * `patchPosting` on gap bytes: the gaps before `from` are kept as they are, those of the ids in [from, to) give
 * way to the added ids', the first id after the range gets its new gap, and the rest are kept. Undefined when an
 * added id falls outside the room between the ids kept, which the general patch handles.
 */
function patchGaps(bytes: Uint8Array, from: number, to: number, added: readonly number[]): PatchedPosting | undefined {
  // forEachGapId's walk, inline: a visitor updating these variables for each id took about 0.8 s longer over the
  // postings a province briefing patches.
  let id = -1;
  let gap = 0;
  let shift = 0;
  let start = 0;
  let count = 0;
  let removed = 0;
  let before = -1;
  let cut = bytes.length;
  let next = -1;
  let rest = bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    gap |= (byte & 127) << shift;
    if (byte & 128) {
      shift += 7;
      continue;
    }
    id += gap + 1;
    count += 1;
    if (id < from) before = id;
    else {
      if (cut === bytes.length) cut = start;
      if (id < to) removed += 1;
      else if (next < 0) {
        next = id;
        rest = i + 1;
      }
    }
    gap = 0;
    shift = 0;
    start = i + 1;
  }
  if (added.length > 0 && (added[0]! < from || (next >= 0 && added.at(-1)! >= next))) return undefined;
  const out = new GapWriter();
  out.last = before;
  for (const id of added) out.push(id);
  const last = next >= 0 ? id : out.last;
  if (next >= 0) out.push(next);
  const middle = out.gaps();
  const gaps = new Uint8Array(cut + middle.length + bytes.length - rest);
  gaps.set(bytes.subarray(0, cut));
  gaps.set(middle, cut);
  gaps.set(bytes.subarray(rest), cut + middle.length);
  const total = count - removed + added.length;
  return { encoded: total === 0 ? undefined : encodeGaps(gaps, last), count: total, removed };
}

/** Set bits in each byte value. */
const BITS_SET = Uint8Array.from({ length: 256 }, (_, byte) => {
  let bits = 0;
  for (let b = byte; b > 0; b >>= 1) bits += b & 1;
  return bits;
});

/**
 * `patchPosting` on a bitmap: the bits of [from, to) cleared and the added ids' set. Undefined when an added id
 * outside the range is there already, or when the result might be shorter as gaps (fewer records than the
 * bitmap's bytes), which the general patch decides.
 */
function patchBitmap(bitmap: Uint8Array, from: number, to: number, added: readonly number[]): PatchedPosting | undefined {
  const out = new Uint8Array(Math.max(bitmap.length, added.length > 0 ? (added.at(-1)! >> 3) + 1 : 0));
  out.set(bitmap);
  let removed = 0;
  for (let id = from; id < to && id >> 3 < bitmap.length; id++)
    if (out[id >> 3]! & (1 << (id & 7))) {
      removed += 1;
      out[id >> 3]! &= ~(1 << (id & 7));
    }
  for (const id of added) {
    if ((id < from || id >= to) && out[id >> 3]! & (1 << (id & 7))) return undefined;
    out[id >> 3]! |= 1 << (id & 7);
  }
  let count = 0;
  for (const byte of out) count += BITS_SET[byte]!;
  let length = out.length;
  while (length > 0 && out[length - 1] === 0) length--;
  // Every record costs at least a byte as gaps: with more records than bytes the bitmap is the shorter.
  if (count <= length) return undefined;
  return { encoded: `b${toBase64(out.subarray(0, length))}`, count, removed };
}
