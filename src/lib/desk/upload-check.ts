/**
 * What a file uploaded to the publishing desk really is, told from its bytes
 * and never from its name: a Word document, an Excel workbook, a CSV text,
 * or something refused with a message in Chinese that names the file and the
 * fix. A .docx or .xlsx is a zip; its central directory (read here, nothing
 * is decompressed) gives the names of its parts and their uncompressed sizes,
 * so a zip bomb is refused before any importer opens it. Pure.
 */
import { messageSentences, type MessageCode } from '../../core/content-messages.ts';
import { decodeSpreadsheetText } from '../content/text-encoding.ts';

export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
/** No real Word or Excel file of 20 MB unpacks to more than this. */
const UNPACKED_LIMIT_BYTES = 200 * 1024 * 1024;
/** Office XML compresses about 5–20 times; a bomb of repeated bytes about 1000 times. */
const COMPRESSION_RATIO_LIMIT = 100;
/** Below this unpacked size the ratio does not matter: a small file cannot exhaust memory. */
const RATIO_CHECKED_FROM_BYTES = 10 * 1024 * 1024;

export type UploadKind = 'docx' | 'xlsx' | 'csv';
export type UploadInspection = { ok: true; kind: UploadKind } | { ok: false; message: string };

/** A size as staff read it: `30.0 MB`, `512 KB`. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

const refuse = (code: MessageCode, values: Record<string, string | number>): { ok: false; message: string } => ({
  ok: false,
  message: messageSentences(code, values),
});

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** The entries of a zip as its central directory lists them, or undefined when the archive is not whole. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // End of central directory: 22 bytes plus a comment of up to 65535, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50 && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end === -1) return undefined;
  let count = u16(end + 10);
  let size = u32(end + 12);
  let offset = u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the locator just before points at the larger record.
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== 0x07064b50) return undefined;
    const record = u64(locator + 8);
    if (record + 56 > locator || u32(record) !== 0x06064b50) return undefined;
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (offset + size > end) return undefined;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || u32(at) !== 0x02014b50) return undefined;
    const method = u16(at + 10);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    let localOffset = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size) return undefined;
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // Zip64 sizes live in extra field 0x0001, in this order, each only when its 32-bit field is full.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
      const id = u16(extra);
      const length = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const take = () => {
          if (field + 8 > extra + 4 + length) return undefined;
          const value = u64(field);
          field += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = take() ?? Infinity;
        if (compressedSize === 0xffffffff) compressedSize = take() ?? Infinity;
        if (localOffset === 0xffffffff) localOffset = take() ?? Infinity;
      }
      extra += 4 + length;
    }
    // Stored or deflated only (what Office writes), and the entry's data must lie before the directory.
    if ((method !== 0 && method !== 8) || localOffset + 30 + compressedSize > offset || u32(localOffset) !== 0x04034b50) return undefined;
    entries.push({ name, compressedSize, uncompressedSize });
    at = next;
  }
  return entries;
}

/** Programs, by their first bytes: Windows (MZ), Linux (ELF), macOS (Mach-O), shell scripts. */
function programKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x4d, 0x5a)) return 'Windows 程序，如 .exe、.dll';
  if (startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46)) return 'Linux 程序';
  if (
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(
      new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0),
    )
  )
    return 'macOS 程序';
  if (startsWith(bytes, 0x23, 0x21)) return '脚本';
  return undefined;
}

/** Control characters that never occur in a text table (tab, line feed, carriage return and form feed do). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point: they mark a binary file.
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001f\ufffd]/;
/** What Excel, WPS and Papa Parse separate cells with. */
const DELIMITER = /[,\t;|]/;

function inspectZip(bytes: Uint8Array, file: string): UploadInspection {
  const entries = zipEntries(bytes);
  if (!entries) return refuse('upload-corrupt', { file });
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const ratio = unpacked / bytes.length;
  if (unpacked > UNPACKED_LIMIT_BYTES || (unpacked > RATIO_CHECKED_FROM_BYTES && ratio > COMPRESSION_RATIO_LIMIT))
    return refuse('upload-zip-bomb', { file, size: formatSize(unpacked), ratio: Number.isFinite(ratio) ? Math.round(ratio) : '无数' });
  const names = new Set(entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return { ok: true, kind: 'docx' };
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return { ok: true, kind: 'xlsx' };
  return refuse('upload-other-zip', { file });
}

/**
 * Whether the upload can be imported, and as what. `fileName` is only quoted in
 * messages (and tells an encrypted .docx/.xlsx from an old .doc/.xls, which share a container).
 */
export function inspectUpload(bytes: Uint8Array, fileName: string): UploadInspection {
  const file = fileName;
  if (bytes.length === 0) return refuse('upload-empty', { file });
  if (bytes.length > UPLOAD_LIMIT_BYTES) return refuse('upload-too-large', { file, size: formatSize(bytes.length) });
  const program = bytes.length >= 4 ? programKind(bytes) : undefined;
  if (program) return refuse('upload-program', { file, what: program });
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return refuse('upload-pdf', { file });
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))
    // A password-protected .docx/.xlsx is stored in the old container too.
    return refuse(/\.(docx|xlsx)$/i.test(fileName) ? 'upload-encrypted' : 'upload-old-office', { file });
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) return inspectZip(bytes, file);
  const utf16 = startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  if (!utf16 && bytes.includes(0)) return refuse('upload-unknown-type', { file });
  const { text } = decodeSpreadsheetText(bytes);
  if (BINARY_CONTROL.test(text)) return refuse('upload-unknown-type', { file });
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  if (!DELIMITER.test(firstLine)) return refuse('upload-text-not-table', { file });
  return { ok: true, kind: 'csv' };
}
