/**
 * The desk's upload check on real bytes: a Word document made by the docx
 * package, the Excel and CSV fixtures staff files are modelled on, and every
 * kind of bad upload the issue lists, including a real zip bomb built here
 * (a 300 MB entry deflated to a few hundred KB) that is refused from its
 * central directory without being unpacked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, createDeflateRaw, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { inspectUpload, UPLOAD_LIMIT_BYTES, zipEntries } from '../../src/lib/desk/upload-check.ts';
import { briefingDocument, docxBytes } from '../fixtures/docx/make-docx.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

const fixture = (...path: string[]) => new Uint8Array(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', ...path)));
const docx = new Uint8Array(await docxBytes(briefingDocument()));
const xlsx = fixture('import', 'tasks-merged.xlsx');

interface ZipPart {
  name: string;
  /** The deflated bytes and the facts about the data they hold. */
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/**
 * `size` bytes of `fill`, deflated without ever holding them: one megabyte is
 * deflated as non-final blocks ending on a byte boundary (a sync flush), so
 * the same blocks repeated and a final empty block are a valid deflate stream.
 */
function deflatedPart(name: string, size: number, fill = 0x20): ZipPart {
  const megabyte = 1024 * 1024;
  const chunk = Buffer.alloc(megabyte, fill);
  const blocks = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  let crc = 0;
  for (let i = 0; i < size / megabyte; i++) crc = crc32(chunk, crc);
  return { name, deflated: new Uint8Array(Buffer.concat([...Array.from({ length: size / megabyte }, () => blocks), end])), size, crc };
}

const textPart = (name: string, text: string): Promise<ZipPart> => {
  const bytes = Buffer.from(text);
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw();
    const out: Buffer[] = [];
    deflate
      .on('data', (d: Buffer) => out.push(d))
      .on('end', () => resolve({ name, deflated: new Uint8Array(Buffer.concat(out)), size: bytes.length, crc: crc32(bytes) }))
      .on('error', reject);
    deflate.end(bytes);
  });
};

/**
 * The fields a local file header and a central directory entry share, in the
 * same order; the central entry has one more field (made by) before them.
 */
function fileHeader(signature: number, length: number, shift: number, part: ZipPart, nameLength: number): Buffer {
  const header = Buffer.alloc(length);
  header.writeUInt32LE(signature, 0);
  header.writeUInt16LE(20, 4 + shift); // version needed
  header.writeUInt16LE(8, 8 + shift); // deflated
  header.writeUInt32LE(part.crc, 14 + shift);
  header.writeUInt32LE(part.deflated.length, 18 + shift);
  header.writeUInt32LE(part.size, 22 + shift);
  header.writeUInt16LE(nameLength, 26 + shift);
  return header;
}

/** A zip archive as the format specifies it: local headers and data, central directory, end record. */
function zipArchive(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = fileHeader(0x04034b50, 30, 0, part, name.length);
    const entry = fileHeader(0x02014b50, 46, 2, part, name.length);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(part.deflated));
    central.push(entry, name);
    offset += 30 + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const contentTypes = () =>
  textPart('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

const refused = (bytes: Uint8Array, name: string) => {
  const result = inspectUpload(bytes, name);
  expect(result.ok, `${name} should be refused`).toBe(false);
  return result.ok ? '' : result.message;
};

describe('what staff upload is recognised from its content', () => {
  test('a Word document is docx, whatever its name', () => {
    expect(inspectUpload(docx, '第4期简报.docx')).toEqual({ ok: true, kind: 'docx' });
    expect(inspectUpload(docx, '第4期简报')).toEqual({ ok: true, kind: 'docx' });
  });
  test('an Excel workbook is xlsx, even when named .csv', () => {
    expect(inspectUpload(xlsx, '任务清单.xlsx')).toEqual({ ok: true, kind: 'xlsx' });
    expect(inspectUpload(xlsx, '任务清单.csv')).toEqual({ ok: true, kind: 'xlsx' });
  });
  test('CSV in GB18030 (WPS default), UTF-8 with BOM (Excel) and UTF-16', () => {
    expect(inspectUpload(fixture('import', 'tasks-gb18030.csv'), '清单.csv')).toEqual({ ok: true, kind: 'csv' });
    expect(inspectUpload(fixture('import', 'tasks-utf8-bom-excel.csv'), '清单.csv')).toEqual({ ok: true, kind: 'csv' });
    expect(inspectUpload(fixture('invalid', 'task-utf16-encoding', 'tasks', 'test-list.csv'), '清单.csv')).toEqual({
      ok: true,
      kind: 'csv',
    });
  });
  test('the docx central directory lists its parts', () => {
    expect(zipEntries(docx)!.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
  });
});

describe('bad uploads are refused with the file named and the fix, in Chinese', () => {
  test('an empty file', () => {
    expect(refused(new Uint8Array(), '空白.docx')).toBe(
      '空白.docx 是空文件（0 字节），没有可导入的内容。请确认文件已保存完整，重新选择文件上传。',
    );
  });

  test('a 30 MB file, before anything else is read', () => {
    const big = new Uint8Array(30 * 1024 * 1024);
    big.set(docx);
    expect(refused(big, '大文件.docx')).toContain('大文件.docx 有 30.0 MB，超过了上传上限 20 MB');
    expect(inspectUpload(new Uint8Array(UPLOAD_LIMIT_BYTES).fill(0x2c), 'a.csv')).toEqual({ ok: true, kind: 'csv' });
  });

  test('a renamed .exe and other programs', () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    exe.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 0x4e);
    expect(refused(exe, '第4期简报.docx')).toContain('第4期简报.docx 是程序文件（Windows 程序，如 .exe、.dll），不是文档或表格，不能上传');
    expect(refused(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), '清单.xlsx')).toContain('Linux 程序');
  });

  test('a PDF', () => {
    expect(refused(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), '简报.docx')).toContain('简报.docx 是 PDF 文件');
  });

  test('old .doc/.xls/.wps: save as .docx/.xlsx; an OLE file named .docx is an encrypted one', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused(ole, '简报.doc')).toContain(
      '简报.doc 是旧版 Word/Excel/WPS 格式（.doc、.xls 或 .wps），无法直接导入。用 Word、Excel 或 WPS 打开后选择“文件 → 另存为”',
    );
    expect(refused(ole, '清单.xls')).toContain('“Excel 工作簿 (*.xlsx)”');
    expect(refused(ole, '简报.wps')).toContain('旧版');
    expect(refused(ole, '加密.docx')).toContain('加密.docx 设置了打开密码（文件已加密），无法读取');
  });

  test('a corrupt (truncated) docx', () => {
    expect(refused(docx.subarray(0, Math.floor(docx.length * 0.8)), '传了一半.docx')).toContain(
      '传了一半.docx 已损坏或不完整，无法读取。用 Word、Excel 或 WPS 打开这份文件，另存为新的 .docx 或 .xlsx 后重新上传',
    );
    const damaged = docx.slice();
    damaged.fill(0, damaged.length - 200, damaged.length - 100); // the central directory overwritten
    expect(refused(damaged, '坏了.docx')).toContain('已损坏或不完整');
  });

  test("the bomb's parts are real deflate data: a small one inflates to exactly its declared bytes", () => {
    const part = deflatedPart('word/document.xml', 3 * 1024 * 1024);
    const inflated = inflateRawSync(part.deflated);
    expect(inflated.equals(Buffer.alloc(3 * 1024 * 1024, 0x20))).toBe(true);
    expect(crc32(inflated)).toBe(part.crc);
  });

  test('a zip bomb: a 300 MB part deflated to a few hundred KB, refused by its declared size', async () => {
    const bomb = zipArchive([await contentTypes(), deflatedPart('word/document.xml', 300 * 1024 * 1024)]);
    expect(bomb.length).toBeLessThan(UPLOAD_LIMIT_BYTES);
    expect(zipEntries(bomb)!.find((e) => e.name === 'word/document.xml')!.uncompressedSize).toBe(300 * 1024 * 1024);
    const message = refused(bomb, '简报.docx');
    expect(message).toMatch(/^简报\.docx 解压后将有 300\.0 MB（是文件本身的 \d+ 倍），远超正常文档，为安全起见不予读取/);
  });

  test('under the total limit but compressed beyond any real document: refused by its ratio', async () => {
    const dense = zipArchive([await contentTypes(), deflatedPart('xl/workbook.xml', 150 * 1024 * 1024, 0x41)]);
    expect(refused(dense, '清单.xlsx')).toContain('清单.xlsx 解压后将有 150.0 MB');
  });

  test('a well-formed zip that is not a Word or Excel file', async () => {
    const zip = zipArchive([await textPart('说明.txt', '这不是文档')]);
    expect(zipEntries(zip)).toHaveLength(1);
    expect(refused(zip, '材料.zip')).toContain('材料.zip 是压缩包或其他 Office 文件，不是 Word 文档或 Excel 表格');
  });

  test('an image renamed .xlsx', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(refused(png, '清单.xlsx')).toContain('清单.xlsx 不是能导入的文件（不是 Word 文档、Excel 表格或 CSV 文本）');
  });

  test('text with no cell separator is not a table', () => {
    expect(refused(new TextEncoder().encode('第三方评价反馈问题整改情况说明\n已完成96项\n'), '说明.csv')).toContain(
      '说明.csv 是文本文件，但不是用逗号分隔的表格（CSV）',
    );
  });
});
