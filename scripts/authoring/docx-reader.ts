/**
 * Reads a Word document (.docx, as Word and WPS save it) into blocks the
 * briefing and policy converters work on: paragraphs (plain text for
 * recognising structure, Markdown for the body), tables with their merged
 * cells, lists, footnotes and images. mammoth does the reading, in memory;
 * nothing here touches the disk.
 *
 * Also tells a .docx from what staff often send instead (.doc, .wps, .pdf,
 * a password-protected file, an empty one), with what to do about each.
 */
import mammoth from 'mammoth';
import { parse, type HTMLElement, type Node } from 'node-html-parser';

export interface DocxParagraph {
  kind: 'paragraph';
  /** Text as written, tabs kept. */
  text: string;
  /** The same as Markdown safe for an MDX body: bold kept, footnote references as links to 注n. */
  markdown: string;
  /** Every character of the paragraph is bold. */
  bold: boolean;
  /** The text of the paragraph's leading bold run, if it starts with one. */
  boldLead?: string;
}

export interface DocxCell {
  text: string;
  markdown: string;
  colspan: number;
  rowspan: number;
}

export interface DocxTable {
  kind: 'table';
  rows: DocxCell[][];
}

export interface DocxList {
  kind: 'list';
  ordered: boolean;
  items: { text: string; markdown: string }[];
}

export interface DocxImageBlock {
  kind: 'image';
  /** File name the image is kept under, e.g. `image1.png`. */
  name: string;
}

export type DocxBlock = DocxParagraph | DocxTable | DocxList | DocxImageBlock;

export interface DocxImage {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface DocxContent {
  blocks: DocxBlock[];
  footnotes: { id: string; markdown: string; text: string }[];
  images: DocxImage[];
}

export type DocxFormat = { ok: true } | { ok: false; message: string };

const SAVE_AS_DOCX =
  '请用 Word 打开后选择“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”；用 WPS 打开后选择“文件 → 另存为”，文件类型选“Microsoft Word 文件 (*.docx)”。然后导入新保存的 .docx 文件。';

/** Whether the bytes are a .docx this import can read; if not, what the file is and what to do. */
export function checkDocxFormat(bytes: Uint8Array, fileName: string): DocxFormat {
  const extension = (/\.[^./\\]+$/.exec(fileName)?.[0] ?? '').toLowerCase();
  if (bytes.length === 0) return { ok: false, message: `${fileName} 是空文件（0 字节），没有可导入的内容。请确认保存完整后重新导入。` };
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  const isPdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isPdf || extension === '.pdf')
    return {
      ok: false,
      message: `${fileName} 是 PDF 文件，无法可靠地还原标题、段落和表格。请找到这份文件的 Word/WPS 原稿导入；只有 PDF 时，可用 WPS 打开后选择“转换为 Word”，核对无误后另存为 .docx。`,
    };
  if (isOle && extension === '.docx')
    return {
      ok: false,
      message: `${fileName} 设置了打开密码（文件已加密），无法读取。请在 Word 中“文件 → 信息 → 保护文档 → 用密码进行加密”，或在 WPS 中“文件 → 文档加密 → 密码加密”，清空密码后保存，再重新导入。`,
    };
  if (isOle || extension === '.doc' || extension === '.wps')
    return { ok: false, message: `${fileName} 是旧版 Word/WPS 格式（.doc 或 .wps），无法直接导入。${SAVE_AS_DOCX}` };
  if (!isZip) return { ok: false, message: `${fileName} 不是 Word 文档（.docx），无法读取。${SAVE_AS_DOCX}` };
  return { ok: true };
}

/** `{ } < >` and Markdown's own characters written so the body shows them as text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]~|]/g, (ch) => `\\${ch}`)
    .replace(/[{}]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A paragraph's Markdown made safe at the start of a line: `1.` `#` `-` are not list items or headings. */
export function escapeLineStart(markdown: string): string {
  return markdown.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+\-=])/, '\\$1');
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
  'image/tiff': 'tiff',
};

/** Reads a .docx (already checked with checkDocxFormat) into blocks. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const images: DocxImage[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      convertImage: mammoth.images.imgElement(async (image) => {
        const name = `image${images.length + 1}.${EXTENSIONS[image.contentType] ?? 'bin'}`;
        images.push({ name, contentType: image.contentType, bytes: new Uint8Array(await image.readAsBuffer()) });
        return { src: name };
      }),
    },
  );
  return htmlToBlocks(result.value, images);
}

const strongSafe = (text: string) => !/^[\p{P}\s]|[\p{P}\s]$/u.test(text);

interface Inline {
  text: string;
  markdown: string;
  /** Characters of text that were bold. */
  boldChars: number;
  boldLead: string;
  images: string[];
}

function inline(nodes: readonly Node[], bold = false): Inline {
  const out: Inline = { text: '', markdown: '', boldChars: 0, boldLead: '', images: [] };
  let leadOpen = true;
  const add = (part: Inline, partBold: boolean) => {
    out.text += part.text;
    out.markdown += part.markdown;
    out.boldChars += part.boldChars;
    out.images.push(...part.images);
    if (leadOpen) {
      if (partBold || part.boldLead) out.boldLead += partBold ? part.text : part.boldLead;
      if (!partBold && part.boldLead !== part.text && part.text.trim() !== '') leadOpen = false;
    }
  };
  for (const node of nodes) {
    if (node.nodeType === 3) {
      const text = node.text.replace(/\u00a0/g, ' ');
      add(
        {
          text,
          markdown: escapeMarkdown(text).replace(/\t/g, ' '),
          boldChars: bold ? text.replace(/\s/g, '').length : 0,
          boldLead: '',
          images: [],
        },
        bold,
      );
      continue;
    }
    if (node.nodeType !== 1) continue;
    const element = node as HTMLElement;
    const tag = element.tagName?.toLowerCase();
    if (tag === 'br') add({ text: '\n', markdown: '\\\n', boldChars: 0, boldLead: '', images: [] }, false);
    else if (tag === 'img') add({ text: '', markdown: '', boldChars: 0, boldLead: '', images: [element.getAttribute('src') ?? ''] }, false);
    else if (tag === 'sup' && element.querySelector('a[href^="#footnote-"]')) {
      const id = element.querySelector('a')!.getAttribute('href')!.replace('#footnote-', '');
      add({ text: '', markdown: `<sup>[注${id}](#zhu-${id})</sup>`, boldChars: 0, boldLead: '', images: [] }, false);
    } else if (tag === 'strong' || tag === 'b') {
      const inner = inline(element.childNodes, true);
      const content = inner.markdown.trim();
      const markdown =
        bold || content === '' ? inner.markdown : strongSafe(inner.text.trim()) ? `**${content}**` : `<strong>${content}</strong>`;
      add({ ...inner, markdown }, true);
    } else if (tag === 'a') {
      const inner = inline(element.childNodes, bold);
      const href = element.getAttribute('href') ?? '';
      add({ ...inner, markdown: /^https?:\/\//.test(href) ? `[${inner.markdown}](${href})` : inner.markdown }, bold);
    } else add(inline(element.childNodes, bold), bold);
  }
  return out;
}

function paragraphOf(element: HTMLElement): { block: DocxParagraph; images: string[] } {
  const parts = inline(element.childNodes);
  const visible = parts.text.replace(/\s/g, '').length;
  const block: DocxParagraph = {
    kind: 'paragraph',
    text: parts.text.trim(),
    markdown: parts.markdown.trim(),
    bold: visible > 0 && parts.boldChars === visible,
    ...(parts.boldLead.trim() ? { boldLead: parts.boldLead.trim() } : {}),
  };
  return { block, images: parts.images };
}

/** mammoth's HTML → blocks. Exported for tests that start from HTML. */
export function htmlToBlocks(html: string, images: DocxImage[] = []): DocxContent {
  const root = parse(html);
  const blocks: DocxBlock[] = [];
  const footnotes: DocxContent['footnotes'] = [];
  const pushImages = (names: string[]) => {
    for (const name of names) blocks.push({ kind: 'image', name });
  };
  for (const element of root.childNodes) {
    if (element.nodeType !== 1) continue;
    const el = element as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (/^(p|h[1-6])$/.test(tag)) {
      const { block, images: found } = paragraphOf(el);
      if (block.text !== '') blocks.push(block);
      pushImages(found);
    } else if (tag === 'table') {
      const rows = el.querySelectorAll('tr').map((tr) =>
        tr.childNodes
          .filter((c): c is HTMLElement => c.nodeType === 1 && /^t[dh]$/i.test((c as HTMLElement).tagName))
          .map((cell) => {
            const paragraphs = cell.childNodes.filter((c) => c.nodeType === 1).map((p) => inline((p as HTMLElement).childNodes));
            const single = paragraphs.length === 0 ? inline(cell.childNodes) : undefined;
            const texts = single ? [single] : paragraphs;
            return {
              text: texts
                .map((p) => p.text.trim())
                .filter(Boolean)
                .join('\n'),
              markdown: texts
                .map((p) => p.markdown.trim())
                .filter(Boolean)
                .join('<br />'),
              colspan: Number(cell.getAttribute('colspan') ?? 1),
              rowspan: Number(cell.getAttribute('rowspan') ?? 1),
            };
          }),
      );
      blocks.push({ kind: 'table', rows });
    } else if (tag === 'ol' || tag === 'ul') {
      const items = el.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && (c as HTMLElement).tagName.toLowerCase() === 'li');
      if (items.length > 0 && items.every((li) => /^footnote-/.test(li.id))) {
        for (const li of items) {
          const parts = inline(
            li.childNodes
              .flatMap((c) => (c.nodeType === 1 && (c as HTMLElement).tagName.toLowerCase() === 'p' ? c.childNodes : [c]))
              .filter((c) => !(c.nodeType === 1 && (c as HTMLElement).getAttribute('href')?.startsWith('#footnote-ref'))),
          );
          footnotes.push({ id: li.id.replace('footnote-', ''), text: parts.text.trim(), markdown: parts.markdown.trim() });
        }
        continue;
      }
      blocks.push({
        kind: 'list',
        ordered: tag === 'ol',
        items: items.map((li) => {
          const parts = inline(
            li.childNodes.flatMap((c) => (c.nodeType === 1 && (c as HTMLElement).tagName.toLowerCase() === 'p' ? c.childNodes : [c])),
          );
          return { text: parts.text.trim(), markdown: parts.markdown.trim() };
        }),
      });
    }
  }
  return { blocks, footnotes, images };
}
