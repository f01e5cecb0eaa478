/**
 * Bytes as base64 and back, for postings and bitmaps in the index's JSON
 * files. btoa and atob exist in browsers and in Node; the bytes go through
 * in slices to keep argument lists short.
 */
/** Node's Buffer where there is one: the index build encodes a province's postings (about 100 MB) and a publication decodes those it patches. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(bytes: ArrayBuffer, offset: number, length: number): { toString(encoding: 'base64'): string };
      from(text: string, encoding: 'base64'): Uint8Array;
    };
  }
).Buffer;

export function toBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  if (NodeBuffer) return NodeBuffer.from(text, 'base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
