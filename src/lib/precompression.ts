/**
 * Precompressed copies for static hosts (nginx `gzip_static`, `brotli_static`,
 * many CDNs): `page.html` → `page.html.gz` and `page.html.br`. The copies are
 * a pure function of the file's bytes — no time stamp, no file name in the
 * gzip header, fixed levels — so two builds of the same commit stay
 * byte-identical with them.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text formats the site publishes; images and fonts are compressed already or tiny. */
const COMPRESSIBLE = /\.(?:html|css|js|mjs|json|csv|xml|txt|svg)$/;

export function isCompressible(path: string): boolean {
  return COMPRESSIBLE.test(path);
}

/** Whether `path` is one of the copies written beside a file: `page.html.gz`, `page.html.br`. */
export function isCompressedCopy(path: string): boolean {
  return /\.(?:gz|br)$/.test(path);
}

/** The paths of the copies written beside `path`: `page.html` → `page.html.gz`, `page.html.br`. */
export const compressedCopyPaths = (path: string): [gz: string, br: string] => [`${path}.gz`, `${path}.br`];

/** The file a compressed copy is of: `page.html.gz` → `page.html`. */
export const originalOfCopy = (copy: string): string => copy.slice(0, copy.lastIndexOf('.'));

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Brotli quality: on this site's files quality 7 comes within 10% of the
 * maximum (11) in about a twentieth of the time, which keeps a province-sized
 * site's precompression to minutes rather than an hour.
 */
const BROTLI_QUALITY = 7;

/**
 * Brotli's window fitted to the file (it holds 2^bits − 16 bytes), up to the default 4 MB. With the default window
 * the encoder allocates and clears hash tables of megabytes for every file, most of which are a few kilobytes: the
 * 5,200 search-index files a province's new briefing changes took about 1.5 s to compress, 0.5 s fitted, and
 * their copies are 0.4% larger (those of pages and downloads are as small as before).
 */
function brotliWindowBits(size: number): number {
  const fitted = Math.ceil(Math.log2(size + 16));
  return Math.min(constants.BROTLI_DEFAULT_WINDOW, Math.max(constants.BROTLI_MIN_WINDOW_BITS, fitted));
}

/** The gzip (best compression) and brotli copies of one file's bytes. */
export async function compressedCopies(data: Uint8Array): Promise<{ gz: Buffer; br: Buffer }> {
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
        [constants.BROTLI_PARAM_LGWIN]: brotliWindowBits(data.byteLength),
      },
    }),
  ]);
  return { gz, br };
}
