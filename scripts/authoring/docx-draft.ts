/**
 * What every document imported from Word shares: it is written as a draft,
 * with the import's review list (what it recognised, what a person must
 * check) in its frontmatter for the draft preview, and a summary in Chinese
 * for the command line. Pure.
 */

export interface ImportReview {
  recognised: string[];
  toCheck: string[];
}

/** One file the import writes, relative to the content root. */
export interface ImportedFile {
  path: string;
  text?: string;
  bytes?: Uint8Array;
}

/** A figure sentence the import recognised but could not put in a table, with what it did read. */
export interface FigureToPlace {
  quote: string;
  /** Anchor of the section the sentence is in. */
  section?: string;
  /** Progress columns the sentence stated, by Chinese header. */
  values: Record<string, string>;
  reason: string;
}

export type DocxImportResult =
  | { ok: false; errors: string[] }
  | {
      ok: true;
      files: ImportedFile[];
      review: ImportReview;
      written: string[];
      id: string;
      /** Rows the import adds to dataset tables (also in `files`), keyed by Chinese header. */
      appended?: { path: string; rows: Record<string, string>[] }[];
      figuresToPlace?: FigureToPlace[];
    };

export const yamlString = (value: string) => JSON.stringify(value);

/** Whether a file is already in the content, by its path relative to the content root: any file, even one the content check cannot read. */
export type FileExists = (path: string) => boolean;

/** Why a file already in the content is not replaced without --force. */
export const alreadyExists = (path: string) => `content/${path} 已经存在，没有导入。确认要替换时加上 --force。`;

/** The closing lines of a draft's frontmatter: the draft marker and the review list. */
export function draftFrontmatter(review: ImportReview, what: '本期' | '这份文件'): string[] {
  const list = (items: string[]) => (items.length === 0 ? [' []'] : ['', ...items.map((item) => `    - ${yamlString(item)}`)]);
  const [firstRecognised, ...recognised] = list(review.recognised);
  const [firstToCheck, ...toCheck] = list(review.toCheck);
  return [
    '# 导入时识别出的内容和需要人工核对的事项，只在本地预览（npm run dev）的草稿提示中显示。',
    'review:',
    `  recognised:${firstRecognised}`,
    ...recognised,
    `  toCheck:${firstToCheck}`,
    ...toCheck,
    `# 草稿：网站不会发布${what}。在本地预览中核对无误后，删除下面这一行即发布。`,
    'draft: true',
  ];
}

/** The summary the import prints. */
export function importSummary(result: { written: string[]; review: ImportReview }): string {
  const section = (title: string, items: string[]) => (items.length === 0 ? [] : [title, ...items.map((i) => `  · ${i}`)]);
  return [
    ...section('已写入：', result.written),
    ...section('已识别：', result.review.recognised),
    ...section('需要人工核对：', result.review.toCheck),
    '下一步：运行 npm run dev，打开草稿页面逐项核对（页面顶部有“草稿”提示和上面的清单）；核对无误后删除文件信息中的 draft: true 一行，再运行 npm run check。',
  ].join('\n');
}
