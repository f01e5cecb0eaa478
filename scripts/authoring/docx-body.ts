/**
 * A Word document's body as the site's MDX: headings recognised from the
 * way clerks write them (【…】 parts, run-in headings such as 重要会议：,
 * 一、 / （一） / 1. numbering), paragraphs, lists, tables with their merged
 * cells, footnotes and image places. Headings get their anchors from
 * src/lib/content/anchors.ts, as hand-written documents do, so every
 * paragraph knows the anchor of the section it is in.
 */
import { headingAnchors } from '../../src/lib/content/anchors.ts';
import { escapeLineStart, type DocxBlock, type DocxContent, type DocxParagraph, type DocxTable } from './docx-reader.ts';

export type DocumentKind = 'briefing' | 'policy';

export interface BodyHeading {
  depth: number;
  text: string;
  /** 0 【…】 part, 1 run-in or title heading, 2 一、, 3 （一）, 4 1. */
  rank: number;
  anchor: string;
}

export interface ConvertedBody {
  /** The MDX body, ending with a newline. */
  mdx: string;
  headings: BodyHeading[];
  /** For each paragraph of the input, in order: its text and the anchor of the section it is in ('' before any heading). */
  paragraphs: { text: string; section: string }[];
  tables: number;
  /** Things a person should look at, in Chinese. */
  notes: string[];
}

const NUMBERED: { rank: number; pattern: RegExp }[] = [
  { rank: 2, pattern: /^[一二三四五六七八九十]+、/ },
  { rank: 3, pattern: /^[（(][一二三四五六七八九十]+[）)]/ },
  { rank: 4, pattern: /^\d+[.．、](?!\d)/ },
];

const PART = /^【[^【】]+】$/;
const RUN_IN = /^([^，。；：:、\d（(【]{2,12})[：:]/;

interface Recognised {
  rank: number;
  heading: string;
  /** The rest of the paragraph, as Markdown, when the heading runs into it. */
  rest?: string;
}

/** Markdown after the first `length` characters of plain text (bold markers and escapes skipped). */
function markdownAfter(paragraph: DocxParagraph, plainLength: number): string {
  let seen = 0;
  let i = 0;
  const md = paragraph.markdown;
  while (i < md.length && seen < plainLength) {
    if (md.startsWith('**', i)) i += 2;
    else if (md.startsWith('<strong>', i)) i += 8;
    else if (md.startsWith('</strong>', i)) i += 9;
    else if (md[i] === '\\' && i + 1 < md.length) {
      i += 2;
      seen += 1;
    } else if (md[i] === '&') {
      const end = md.indexOf(';', i);
      i = end === -1 ? i + 1 : end + 1;
      seen += 1;
    } else {
      i += 1;
      seen += 1;
    }
  }
  // Close markers that belonged to the heading.
  while (md.startsWith('**', i) || md.startsWith('</strong>', i)) i += md.startsWith('**', i) ? 2 : 9;
  return md.slice(i).trim();
}

/** How a paragraph reads: a heading (and the text running on after it) or undefined for body text. */
export function recogniseHeading(paragraph: DocxParagraph, kind: DocumentKind): Recognised | undefined {
  const text = paragraph.text.replace(/\s+/g, ' ').trim();
  if (PART.test(text)) return { rank: 0, heading: text };
  const numbered = NUMBERED.find((n) => n.pattern.test(text));
  if (numbered) {
    if (text.length <= 40 && !/[。；;]./.test(text)) return { rank: numbered.rank, heading: text.replace(/[。.]$/, '') };
    const lead = /^([^。；]{2,30})。/.exec(text);
    const boldLead = paragraph.boldLead?.replace(/[。.]$/, '');
    if (lead && (boldLead === lead[1] || (lead[1]!.length <= 20 && !/[，,]/.test(lead[1]!))))
      return { rank: numbered.rank, heading: lead[1]!, rest: markdownAfter(paragraph, lead[0].length) };
    return undefined;
  }
  if (kind !== 'briefing') return undefined;
  if (paragraph.bold && text.length <= 40 && !/[。；]$/.test(text)) return { rank: 1, heading: text };
  const runIn = RUN_IN.exec(text);
  if (runIn && (text === runIn[0] || paragraph.boldLead?.startsWith(runIn[0]) || paragraph.boldLead === runIn[1]))
    return {
      rank: 1,
      heading: runIn[0].replace(':', '：'),
      ...(text === runIn[0] ? {} : { rest: markdownAfter(paragraph, runIn[0].length) }),
    };
  return undefined;
}

const cellHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/\n/g, '<br />');

/** A table as the HTML the documents already use: caption, header row, merged cells kept. */
function tableHtml(table: DocxTable, caption: string): string {
  const cell = (tag: 'th' | 'td', c: DocxTable['rows'][number][number]) =>
    `<${tag}${tag === 'th' ? ' scope="col"' : ''}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${cellHtml(c.text)}</${tag}>`;
  const [head, ...rows] = table.rows;
  return [
    '<table>',
    `  <caption>${cellHtml(caption)}</caption>`,
    `  <thead><tr>${(head ?? []).map((c) => cell('th', c)).join('')}</tr></thead>`,
    '  <tbody>',
    ...rows.map((row) => `    <tr>${row.map((c) => cell('td', c)).join('')}</tr>`),
    '  </tbody>',
    '</table>',
  ].join('\n');
}

const looksLikeCaption = (block: DocxBlock | undefined): block is DocxParagraph =>
  block?.kind === 'paragraph' && block.text.length <= 60 && !/[。；，]$/.test(block.text) && !/[。；]/.test(block.text);

export interface BodyOptions {
  kind: DocumentKind;
  /** Where images are kept, for the note left at their place. */
  imageFolder: string;
}

/** The blocks of a document's body (masthead and closing lines already taken off) → MDX. */
export function convertBody(blocks: readonly DocxBlock[], footnotes: DocxContent['footnotes'], options: BodyOptions): ConvertedBody {
  const chunks: string[] = [];
  const headings: Omit<BodyHeading, 'anchor'>[] = [];
  const paragraphs: { text: string; heading: number }[] = [];
  const notes: string[] = [];
  const stack: { rank: number; depth: number }[] = [];
  let tables = 0;
  const addHeading = (rank: number, text: string) => {
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const depth = Math.min(6, (stack[stack.length - 1]?.depth ?? 1) + 1);
    stack.push({ rank, depth });
    headings.push({ depth, text, rank });
    chunks.push(`${'#'.repeat(depth)} ${text.replace(/[\\`*_[\]{}<>]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`))}`);
  };
  blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      const recognised = recogniseHeading(block, options.kind);
      if (recognised) {
        addHeading(recognised.rank, recognised.heading);
        if (recognised.rest) {
          chunks.push(escapeLineStart(recognised.rest));
          paragraphs.push({ text: block.text, heading: headings.length - 1 });
        }
        return;
      }
      // A short line right before a table is its caption.
      if (blocks[index + 1]?.kind === 'table' && looksLikeCaption(block)) return;
      chunks.push(escapeLineStart(block.markdown));
      paragraphs.push({ text: block.text, heading: headings.length - 1 });
    } else if (block.kind === 'table') {
      tables += 1;
      const before = blocks[index - 1];
      const caption = looksLikeCaption(before) && !recogniseHeading(before, options.kind) ? before.text : `表${tables}`;
      if (block.rows.some((row) => row.some((c) => c.colspan > 1 || c.rowspan > 1)))
        notes.push(`${caption}：有合并单元格，已按原表合并显示，请在预览中核对`);
      chunks.push(tableHtml(block, caption));
    } else if (block.kind === 'list') {
      if (block.ordered)
        notes.push(
          `“${block.items[0]?.text.slice(0, 20) ?? ''}”等 ${block.items.length} 条使用了 Word 自动编号，编号的写法（如“一、”“（1）”）没有保留，已排为编号列表，请核对`,
        );
      chunks.push(block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item.markdown}`).join('\n'));
      for (const item of block.items) paragraphs.push({ text: item.text, heading: headings.length - 1 });
    } else {
      notes.push(
        `原文在此处有一张图片，已保存为 ${options.imageFolder}/${block.name}；网站正文不显示图片，需要时请把图中的文字或数字写入正文`,
      );
      chunks.push(`{/* 图片：${options.imageFolder}/${block.name}（网站正文不显示图片） */}`);
    }
  });
  // Footnotes close the body as 注1, 注2 … (Markdown footnotes would add an English heading).
  for (const f of footnotes) chunks.push(`<p id="zhu-${f.id}">注${f.id}：${cellHtml(f.text)}</p>`);
  const anchors = headingAnchors(headings);
  return {
    mdx: `${chunks.join('\n\n')}\n`,
    headings: headings.map((h, i) => ({ ...h, anchor: anchors[i]! })),
    paragraphs: paragraphs.map((p) => ({ text: p.text, section: p.heading === -1 ? '' : anchors[p.heading]! })),
    tables,
    notes,
  };
}
