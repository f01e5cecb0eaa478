/**
 * A policy document written in Word → a draft policy MDX file, and each
 * attachment table → a task-list CSV linked from the policy's attachments.
 *
 * The head of a 公文 gives the frontmatter: the issuing office (…文件), the
 * 文号, the title, 主送 (the line ending in ：); its end gives the signature
 * (落款) and the 成文日期. Body headings are numbered 一、 / （一） / 1. and
 * anchored as hand-written policies are. Attachment tables go through the
 * spreadsheet import's header mapping and date normalisation; a cell merged
 * down in Word is filled into each row it covers. Pure.
 */
import Papa from 'papaparse';
import { formatChineseDate, isoDateFromParts } from '../../src/core/dates.ts';
import { indicatorByName, type IndicatorLike } from '../../src/lib/catalog.ts';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import { POLICY_TYPES } from '../../src/schemas/policies.ts';
import { tasksTable } from '../../src/schemas/tasks.ts';
import { taskListDataset } from '../../src/schemas/dataset-paths.ts';
import type { TableDefinition } from '../../src/schemas/table.ts';
import { convertBody } from './docx-body.ts';
import { alreadyExists, draftFrontmatter, yamlString, type DocxImportResult, type FileExists, type ImportReview } from './docx-draft.ts';
import { escapeLineStart, type DocxBlock, type DocxContent, type DocxTable } from './docx-reader.ts';
import { nextPolicyId } from './scaffold.ts';
import { importRows, tidyText } from './spreadsheet-import.ts';

export interface PolicyImportInput {
  content: DocxContent;
  fileName: string;
  region: string;
  policyIds: readonly string[];
  fileExists: FileExists;
  indicators: readonly IndicatorLike[];
  /** The policy id; by default the next `<region>-<year>-zhengce-<n>`. */
  id?: string;
  force: boolean;
}

export interface PolicyHead {
  office?: string;
  docNumber?: string;
  title?: string;
  addressee?: string;
  /** Index of the first body block. */
  bodyStart: number;
}

const DOC_NUMBER = /^([\p{Script=Han}]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号)/u;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ATTACHMENT = /^附\s*件\s*(\d+)?\s*[：:]?$/;

const text = (block: DocxBlock | undefined) => (block?.kind === 'paragraph' ? tidyText(block.text) : undefined);

/** The head of a 公文: …文件, 文号, title lines, 主送. */
export function readPolicyHead(blocks: readonly DocxBlock[]): PolicyHead {
  let i = 0;
  const head: PolicyHead = { bodyStart: 0 };
  if (/文件$/.test(text(blocks[0]) ?? '') && text(blocks[0])!.length <= 40) {
    head.office = text(blocks[0])!.replace(/文件$/, '');
    i = 1;
  }
  const number = DOC_NUMBER.exec((text(blocks[i]) ?? '').replace(/\s/g, ''));
  if (number) {
    head.docNumber = number[1]!.replace(/\s/g, '').replace(/[[［(（](\d{4})[\]］)）]/, '〔$1〕');
    i += 1;
  }
  const title: string[] = [];
  while (i < blocks.length && title.length < 3) {
    const line = text(blocks[i]);
    if (line === undefined || /[：:]$/.test(line) || /[。；]/.test(line) || DOC_NUMBER.test(line)) break;
    title.push(line);
    i += 1;
  }
  if (title.length > 0) head.title = title.join('');
  const addressee = text(blocks[i]);
  if (addressee && /[：:]$/.test(addressee) && !/[。]/.test(addressee)) {
    head.addressee = addressee.replace(/[：:]$/, '');
    i += 1;
  }
  head.bodyStart = i;
  return head;
}

/** The signature (落款): the office lines right above the first date standing on its own line (成文日期). */
function readSignature(blocks: readonly DocxBlock[]): { signature: string[]; date: string } | undefined {
  const at = blocks.findIndex((b) => DATE_LINE.test(text(b) ?? ''));
  if (at === -1) return undefined;
  const date = DATE_LINE.exec(text(blocks[at])!)!;
  const signature: string[] = [];
  for (let j = at - 1; j >= 0 && signature.length < 4; j--) {
    const line = text(blocks[j]);
    if (!line || line.length > 30 || /[。，；：:、]/.test(line)) break;
    signature.unshift(line);
  }
  return { signature, date: isoDateFromParts(date[1]!, date[2]!, date[3]!) };
}

/** A Word table as spreadsheet rows: a cell merged across columns keeps its value in the first, one merged down fills each row it covers. */
export function tableSheet(table: DocxTable): string[][] {
  const sheet: string[][] = [];
  const pending = new Map<number, { text: string; left: number }>();
  for (const row of table.rows) {
    const out: string[] = [];
    let column = 0;
    const fillPending = () => {
      while (pending.has(column)) {
        const carried = pending.get(column)!;
        out[column] = carried.text;
        if (--carried.left === 0) pending.delete(column);
        column += 1;
      }
    };
    for (const cell of row) {
      fillPending();
      out[column] = cell.text.replace(/\n/g, '');
      for (let k = 1; k < cell.colspan; k++) out[column + k] = '';
      if (cell.rowspan > 1)
        for (let k = 0; k < cell.colspan; k++) pending.set(column + k, { text: k === 0 ? out[column]! : '', left: cell.rowspan - 1 });
      column += cell.colspan;
    }
    fillPending();
    sheet.push(Array.from({ length: out.length }, (_, k) => out[k] ?? ''));
  }
  return sheet;
}

function policyType(title: string): (typeof POLICY_TYPES)[number] | undefined {
  const inner = /《([^》]+)》/.exec(title)?.[1];
  for (const candidate of [inner, title]) {
    const found = POLICY_TYPES.find((t) => candidate?.endsWith(t));
    if (found) return found;
  }
  return undefined;
}

export function importPolicy(input: PolicyImportInput): DocxImportResult {
  const { content, region } = input;
  const blocks = content.blocks;
  const head = readPolicyHead(blocks);
  const review: ImportReview = { recognised: [], toCheck: [] };
  const firstAttachment = blocks.findIndex((b, i) => i >= head.bodyStart && b.kind === 'paragraph' && ATTACHMENT.test(tidyText(b.text)));
  const bodyEnd = firstAttachment === -1 ? blocks.length : firstAttachment;
  const signatureBlock = readSignature(blocks.slice(head.bodyStart, bodyEnd));
  const errors: string[] = [];
  if (!head.title) errors.push(`${input.fileName}：找不到文件标题（文号下面的一至三行）。请在 Word 中确认标题单独成行后重新导入。`);
  if (!signatureBlock?.date)
    errors.push(`${input.fileName}：找不到成文日期（落款单位下面单独一行的“2023年7月28日”）。请在 Word 中补上后重新导入。`);
  if (errors.length > 0) return { ok: false, errors };
  const writtenDate = signatureBlock!.date!;
  const signature = signatureBlock!.signature;
  const issuer = signature.length > 0 ? signature : head.office ? [head.office] : [];
  if (issuer.length === 0)
    return {
      ok: false,
      errors: [`${input.fileName}：找不到发文机关（版头“某某文件”或成文日期上面的落款单位）。请在 Word 中补上落款后重新导入。`],
    };

  const id = input.id ?? nextPolicyId(region, writtenDate.slice(0, 4), input.policyIds);
  if (input.fileExists(`policies/${id}.mdx`) && !input.force) return { ok: false, errors: [alreadyExists(`policies/${id}.mdx`)] };
  const type = policyType(head.title!);
  if (!type)
    return {
      ok: false,
      errors: [
        `${input.fileName}：标题“${head.title}”的末尾不是能识别的文种（${POLICY_TYPES.join('、')}）。请导入后在文件信息中手工填写 type，或在标题中写明文种。`,
      ],
    };

  review.recognised.push(`标题：${head.title}`);
  const titleType = POLICY_TYPES.find((t) => head.title!.endsWith(t));
  if (titleType && titleType !== type)
    review.toCheck.push(`标题是印发文件的${titleType}，文种按所印发的《…》认定为“${type}”；如应为“${titleType}”，请改文件信息中的 type`);
  else review.recognised.push(`文种：${type}（按标题认定）`);
  if (head.docNumber) review.recognised.push(`文号：${head.docNumber}`);
  else review.toCheck.push('没有找到文号（版头下面的“某发〔2023〕8号”一行）；文件确实没有文号时不用处理');
  if (head.office) review.recognised.push(`版头：${head.office}文件`);
  if (head.addressee) review.recognised.push(`主送：${head.addressee}`);
  else review.toCheck.push('没有找到主送机关（标题下面以冒号结尾的一行）');
  review.recognised.push(`落款：${signature.join('、') || '（无）'}`, `成文日期：${formatChineseDate(writtenDate)}`);
  if (signature.length === 0) review.toCheck.push(`没有找到落款单位，发文机关按版头填为“${issuer.join('、')}”，请核对`);

  // The body as printed (signature and date included), then each attachment: a heading, its title, its tables.
  const bodyBlocks = blocks.slice(head.bodyStart, bodyEnd);
  const attachmentParts: { number: number; title: string; tables: DocxTable[]; other: DocxBlock[] }[] = [];
  for (const block of blocks.slice(bodyEnd)) {
    const match = block.kind === 'paragraph' ? ATTACHMENT.exec(tidyText(block.text)) : null;
    if (match) attachmentParts.push({ number: Number(match[1] ?? attachmentParts.length + 1), title: '', tables: [], other: [] });
    else {
      const part = attachmentParts[attachmentParts.length - 1]!;
      if (block.kind === 'table') part.tables.push(block);
      else if (!part.title && block.kind === 'paragraph') part.title = tidyText(block.text);
      else part.other.push(block);
    }
  }

  const converted = convertBody(bodyBlocks, content.footnotes, { kind: 'policy', imageFolder: `content/sources/${id}` });
  review.recognised.push(`标题 ${converted.headings.length} 个：${converted.headings.map((h) => h.text).join('、')}`);
  review.toCheck.push(...converted.notes);
  const indicators = [
    ...new Set(
      converted.headings
        .map((h) => indicatorByName(h.text.replace(/^[（(]?[一二三四五六七八九十\d]+[）)、.．]?/, ''), input.indicators)?.id)
        .filter((x): x is string => x !== undefined),
    ),
  ];
  if (indicators.length > 0) review.recognised.push(`涉及指标（按标题中的指标名称）：${indicators.join('、')}`);
  else review.toCheck.push('没有从标题中认出涉及的指标，需要时在文件信息 indicators 中填写');

  const files: { path: string; text?: string; bytes?: Uint8Array }[] = [];
  const attachments: { title: string; dataset: string }[] = [];
  const attachmentMdx: string[] = [];
  const issues: string[] = [];
  for (const part of attachmentParts) {
    const heading = `## 附件${part.number}`;
    const title = part.title || `附件${part.number}`;
    attachmentMdx.push(
      heading,
      '',
      title.replace(/[{}<>]/g, (ch) => `\\${ch}`),
    );
    part.tables.forEach((table, k) => {
      const list = `${id}-fujian${part.number}${part.tables.length > 1 ? `-${k + 1}` : ''}`;
      // A dataset's file is its path with .csv, under the content folder.
      const path = `${taskListDataset(list)}.csv`;
      const file = `content/${path}（来自 ${input.fileName} 附件${part.number}）`;
      const result = importRows(tableSheet(table), {
        table: tasksTable as TableDefinition,
        file,
        region,
        defaults: { 来源政策: id },
        indicatorIdOf: (name) => indicatorByName(name, input.indicators)?.id,
      });
      if (result.issues.length > 0) {
        issues.push(...result.issues.map(formatIssue));
        return;
      }
      if (input.fileExists(path) && !input.force) {
        issues.push(alreadyExists(path));
        return;
      }
      files.push({ path, text: `${Papa.unparse([result.headers, ...result.rows], { newline: '\n' })}\n` });
      const listTitle = part.tables.length > 1 ? `${title}（表${k + 1}）` : title;
      attachments.push({ title: listTitle, dataset: taskListDataset(list) });
      attachmentMdx.push('', `全表共 ${result.rows.length} 行，已整理为数据集“${listTitle}”，见本页“附件与数据”。`);
      review.recognised.push(`附件${part.number}表格 → content/${path}（${result.rows.length} 行，列：${result.headers.join('、')}）`);
      if (table.rows.some((row) => row.some((c) => c.rowspan > 1)))
        review.toCheck.push(`附件${part.number}表格有纵向合并的单元格，已补到所覆盖的每一行，请核对 content/${path}`);
    });
    for (const block of part.other) if (block.kind === 'paragraph') attachmentMdx.push('', escapeLineStart(block.markdown));
    if (part.tables.length === 0) review.toCheck.push(`附件${part.number}“${title}”没有表格，只录入了标题和文字`);
    attachmentMdx.push('');
  }
  if (issues.length > 0)
    return { ok: false, errors: [...issues, `附件表格中有 ${issues.length} 处不能转换。请在 Word 中修改表格后重新导入。`] };

  const frontmatter = [
    '---',
    `title: ${yamlString(head.title!)}`,
    ...(head.docNumber ? [`docNumber: ${yamlString(head.docNumber)}`] : []),
    `issuer: [${issuer.map(yamlString).join(', ')}]`,
    `region: ${region}`,
    ...(head.addressee ? [`addressee: ${yamlString(head.addressee)}`] : []),
    ...(signature.length > 0 ? [`signature: [${signature.map(yamlString).join(', ')}]`] : []),
    `writtenDate: ${writtenDate}`,
    `type: ${type}`,
    `indicators: [${indicators.join(', ')}]`,
    `source: ${yamlString(`Word 文件 ${input.fileName}，由 npm run import 导入`)}`,
    ...(attachments.length > 0
      ? ['attachments:', ...attachments.map((a) => `  - { title: ${yamlString(a.title)}, dataset: ${a.dataset} }`)]
      : []),
    ...draftFrontmatter(review, '这份文件'),
    '---',
    '',
  ];
  const mdx = `${frontmatter.join('\n')}\n${converted.mdx}${attachmentMdx.length > 0 ? `\n${attachmentMdx.join('\n').trimEnd()}\n` : ''}`;
  files.unshift({ path: `policies/${id}.mdx`, text: mdx });
  files.push(...content.images.map((image) => ({ path: `sources/${id}/${image.name}`, bytes: image.bytes })));
  return {
    ok: true,
    id,
    files,
    review,
    written: [
      `content/policies/${id}.mdx（草稿，${converted.headings.length} 个标题）`,
      ...attachments.map((a) => `content/${a.dataset}.csv（${a.title}）`),
      ...(content.images.length > 0 ? [`content/sources/${id}/：${content.images.length} 张图片`] : []),
    ],
  };
}
