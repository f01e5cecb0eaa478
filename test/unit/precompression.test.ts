import { gunzipSync, brotliDecompressSync } from 'node:zlib';
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
