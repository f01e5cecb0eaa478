import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { compressedCopies, isCompressible } from '../../src/lib/precompression.ts';

const page = new TextEncoder().encode('<!doctype html><title>营商环境</title>'.repeat(200));

test('the copies unpack to the exact bytes and are smaller', async () => {
  const { gz, br } = await compressedCopies(page);
  expect(gunzipSync(gz).equals(Buffer.from(page))).toBe(true);
  expect(brotliDecompressSync(br).equals(Buffer.from(page))).toBe(true);
  expect(gz.byteLength).toBeLessThan(page.byteLength / 10);
  expect(br.byteLength).toBeLessThan(gz.byteLength);
});

test('files of every size, small or past the window, unpack exactly, and their brotli copies are as small as with the default window', async () => {
  const text = new TextEncoder().encode(
    Array.from({ length: 70_000 }, (_, i) => `<li>第${i}项：牵头单位${i % 97}，完成时限2023年${(i % 12) + 1}月</li>`).join(''),
  );
  for (const size of [0, 1, 1008, 1009, 4000, 65_520, 65_521, 200_000, text.byteLength]) {
    const bytes = text.subarray(0, size);
    const { gz, br } = await compressedCopies(bytes);
    expect(gunzipSync(gz).equals(Buffer.from(bytes)), `${size} bytes, gzip`).toBe(true);
    expect(brotliDecompressSync(br).equals(Buffer.from(bytes)), `${size} bytes, brotli`).toBe(true);
    const defaultWindow = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 7,
        [constants.BROTLI_PARAM_SIZE_HINT]: size,
      },
    });
    expect(br.byteLength, `${size} bytes`).toBeLessThanOrEqual(Math.ceil(defaultWindow.byteLength * 1.01) + 4);
  }
});

test('the copies are a function of the bytes alone (no time stamp), so builds stay byte-identical', async () => {
  const first = await compressedCopies(page);
  const second = await compressedCopies(page);
  expect(second.gz.equals(first.gz)).toBe(true);
  expect(second.br.equals(first.br)).toBe(true);
  // gzip header: no modification time (bytes 4–7) and no file name flag.
  expect(first.gz.readUInt32LE(4)).toBe(0);
  expect(first.gz[3]! & 0x08).toBe(0);
});

test('text files are compressed; images, fonts and host files are not', () => {
  for (const path of [
    'index.html',
    '_astro/a.css',
    '_astro/b.js',
    'search-index/meta.json',
    'data/x.csv',
    'feed.xml',
    'sources/a.txt',
    'favicon.svg',
  ])
    expect(isCompressible(path), path).toBe(true);
  for (const path of ['a.png', '_headers', '.htaccess', 'index.html.gz']) expect(isCompressible(path), path).toBe(false);
});
