/**
 * The Word and spreadsheet importers as one call, in memory: the uploaded
 * bytes and the current content go in; the draft's changes (a new document,
 * rows appended to progress and ranking tables, a converted task list), what
 * was recognised, what a person must check, and every figure sentence that
 * could not be placed come out, or every reason it cannot be imported.
 * Nothing is read or written here: the publishing desk keeps the changes as a
 * draft, and `npm run import` (scripts/import.ts, scripts/import-docx.ts)
 * writes them to content/.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { parseDocument } from 'yaml';
import { messageCodesOf, messageSentences } from '../../src/core/content-messages.ts';
import { indicatorByName } from '../../src/lib/catalog.ts';
import { formatIssue } from '../../src/lib/content/content-issue.ts';
import type { ContentFile, ContentModel } from '../../src/lib/content/content-model.ts';
import { csvRecords } from '../../src/lib/content/csv-rows.ts';
import { readTable } from '../../src/lib/content/csv-table.ts';
import { splitFrontmatter } from '../../src/lib/content/mdx-document.ts';
import { decodeSpreadsheetText } from '../../src/lib/content/text-encoding.ts';
import { validateContent, type ValidationResult } from '../../src/lib/content/validate-content.ts';
import { applyChanges, issuesCausedBy, type DraftChange } from '../../src/lib/desk/draft-changes.ts';
import type { UploadKind } from '../../src/lib/desk/upload-check.ts';
import { tableOfDataset } from '../../src/schemas/datasets.ts';
import { importBriefing } from './docx-briefing.ts';
import type { DocxImportResult, FigureToPlace } from './docx-draft.ts';
import { importPolicy } from './docx-policy.ts';
import { checkDocxFormat, readDocx } from './docx-reader.ts';
import { importRows } from './spreadsheet-import.ts';

export interface UploadTarget {
  /** `briefings`, `policies`, or a dataset: `tasks/<list id>`, `tables/<name>`. */
  into: 'briefings' | 'policies' | string;
  region?: string;
  /** The policy a task list comes from (its 来源政策). */
  policy?: string;
  /** The policy's id, instead of the next free one. */
  id?: string;
}

/** A figure sentence recognised but not placed (quote, section, the values it stated, why), for a person to complete in a form. */
export interface UnplacedFigure extends FigureToPlace {
  /** Stable within one import: `figure-1`, `figure-2`, … in document order. */
  key: string;
}

export type UploadImport =
  | { ok: false; errors: string[] }
  | {
      ok: true;
      id: string;
      title: string;
      kind: 'briefing' | 'policy' | 'table';
      changes: DraftChange[];
      review: { recognised: string[]; toCheck: string[] };
      unplaced: UnplacedFigure[];
      /** What the changes write, one line each, in Chinese. */
      written: string[];
      /** Images from the Word file, kept under content/sources/ as part of the source (the site does not show them). */
      binaryFiles: { path: string; bytes: Uint8Array }[];
    };

export interface UploadInput {
  bytes: Uint8Array;
  /** As uploaded; only quoted in messages, never used as a path. */
  fileName: string;
  kind: UploadKind;
  target: UploadTarget;
  content: readonly ContentFile[];
  /** `npm run import --force`: replace an issue or a file already there. */
  force?: boolean;
  /** What a briefing's masthead does not say, given on the command line. */
  given?: { issue?: number; date?: string; series?: string; issuer?: string };
  /** Word the messages for the command line (`--force`) rather than for the desk. */
  commandLine?: boolean;
  /** How the content folder is named in messages; `content` by default. */
  displayRoot?: string;
  /** How the converted table is named in messages; `content/<dataset>.csv` by default. */
  outputLabel?: string;
}

const failed = (...errors: string[]): UploadImport => ({ ok: false, errors });

const regionChoices = (model: ContentModel) => model.regions.map((r) => `${r.data.name}（${r.data.id}）`).join('、');

const regionMissing = (model: ContentModel, what: string) =>
  messageSentences('import-region-missing', { what, regions: regionChoices(model) });

/** Why a region id given with the upload cannot be used, if it cannot. */
function unknownRegion(region: string, model: ContentModel): string | undefined {
  return model.regions.some((r) => r.data.id === region)
    ? undefined
    : messageSentences('import-unknown-region', { region, regions: model.regions.map((r) => r.data.id).join('、') });
}

export async function importUpload(input: UploadInput): Promise<UploadImport> {
  const validated = validateContent(input.content, input.displayRoot);
  return input.kind === 'docx' ? importWord(input, validated) : importSpreadsheet(input, validated);
}

/**
 * The document as a file change, and each table the import appends to as a
 * rows change when appending gives exactly the import's text (otherwise, as
 * when --force drops an earlier import's rows, the whole table).
 */
function documentChanges(input: UploadInput, result: Extract<DocxImportResult, { ok: true }>): DraftChange[] {
  return result.files.flatMap((file): DraftChange[] => {
    if (file.text === undefined) return [];
    const appended = result.appended?.find((a) => a.path === file.path);
    if (appended) {
      const rows: DraftChange = { kind: 'rows', path: file.path, rows: appended.rows };
      if (applyChanges(input.content, [rows]).find((f) => f.path === file.path)?.text === file.text) return [rows];
    }
    return [{ kind: 'file', path: file.path, text: file.text }];
  });
}

async function importWord(input: UploadInput, { model, issues: contentIssues }: ValidationResult): Promise<UploadImport> {
  const { target, fileName } = input;
  const into = target.into;
  if (into !== 'briefings' && into !== 'policies') return failed(messageSentences('import-word-target', { file: fileName }));
  if (!target.region) return failed(regionMissing(model, `${into === 'briefings' ? '简报' : '政策文件'}必须注明属于哪个地区`));
  const regionProblem = unknownRegion(target.region, model);
  if (regionProblem) return failed(regionProblem);
  const region = target.region!;
  const format = checkDocxFormat(input.bytes, fileName);
  if (!format.ok) return failed(format.message);
  let content;
  try {
    content = await readDocx(input.bytes);
  } catch (error) {
    return failed(
      `${fileName} 无法读取（文件可能已损坏或不是 Word 文档：${error instanceof Error ? error.message : String(error)}）。请用 Word 或 WPS 打开后重新另存为 .docx。`,
    );
  }
  if (content.blocks.length === 0) return failed(`${fileName} 没有任何正文内容，没有导入。`);

  const root = input.displayRoot ?? 'content';
  const present = new Set(input.content.map((f) => f.path));
  const fileExists = (path: string) => present.has(path);
  const textOf = (path: string) => input.content.find((f) => f.path === path)?.text ?? '';
  const force = input.force ?? false;
  let result: DocxImportResult;
  if (into === 'briefings') {
    const briefings = model.briefings.map((b) => ({ id: b.id, ...b.data }));
    result = importBriefing({
      content,
      fileName,
      region,
      briefings,
      fileExists,
      trackers: model.trackers.map((t) => t.data),
      indicators: model.indicators.map((i) => i.data),
      progressCsv: textOf('tables/progress.csv'),
      rankingTiersCsv: textOf('tables/ranking-tiers.csv'),
      given: input.given ?? {},
      force,
      ...(input.commandLine
        ? {}
        : {
            duplicateMessage: (existing) =>
              messageSentences('import-duplicate-issue', {
                series: existing.series,
                issue: existing.issue,
                file: `${root}/briefings/${existing.id}.mdx`,
                latest: Math.max(...briefings.filter((b) => b.series === existing.series).map((b) => b.issue)),
              }),
          }),
    });
  } else {
    result = importPolicy({
      content,
      fileName,
      region,
      policyIds: model.policies.map((p) => p.id),
      fileExists,
      indicators: model.indicators.map((i) => i.data),
      ...(target.id ? { id: target.id } : {}),
      force,
    });
  }
  if (!result.ok) return result;

  const changes = documentChanges(input, result);
  // Figures that do not add up are kept and reported by the content check, as for hand-entered rows; any other problem stops the import.
  const problems = issuesCausedBy(input.content, changes, { displayRoot: input.displayRoot, before: contentIssues })
    .filter((issue) => !messageCodesOf(issue.message, issue.hint).includes('parts-do-not-add-up'))
    .map(formatIssue);
  if (problems.length > 0) return failed(...problems, `导入结果没有通过内容检查（共 ${problems.length} 处）。`);

  const documentPath = `${into}/${result.id}.mdx`;
  const frontmatter = splitFrontmatter(result.files.find((f) => f.path === documentPath)?.text ?? '');
  const title = String(frontmatter ? (parseDocument(frontmatter.yaml).get('title') ?? result.id) : result.id);
  return {
    ok: true,
    id: result.id,
    title,
    kind: into === 'briefings' ? 'briefing' : 'policy',
    changes,
    review: result.review,
    unplaced: (result.figuresToPlace ?? []).map((figure, i) => ({ key: `figure-${i + 1}`, ...figure })),
    written: result.written,
    binaryFiles: result.files.filter((f) => f.bytes !== undefined).map((f) => ({ path: f.path, bytes: f.bytes! })),
  };
}

async function importSpreadsheet(input: UploadInput, { model }: ValidationResult): Promise<UploadImport> {
  const { target, fileName } = input;
  const table = tableOfDataset(target.into);
  if (!table) return failed(messageSentences('import-unknown-dataset', { dataset: target.into }));
  let sheet: unknown[][];
  let encoding = 'xlsx';
  if (input.kind === 'xlsx') {
    try {
      sheet = (await readSheet(Buffer.from(input.bytes))) as unknown[][];
    } catch {
      return failed(messageSentences('upload-corrupt', { file: fileName }));
    }
  } else {
    const decoded = decodeSpreadsheetText(input.bytes);
    encoding = decoded.encoding;
    sheet = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' }).data;
  }
  const { region, policy } = target;
  const result = importRows(sheet, {
    table,
    file: fileName,
    region,
    defaults: policy ? { 来源政策: policy } : {},
    indicatorIdOf: (name) =>
      indicatorByName(
        name,
        model.indicators.map((i) => i.data),
      )?.id,
  });
  if (result.headers.length === 0) return failed(...result.issues.map(formatIssue));

  // A column every row must fill that neither the sheet nor the upload gives: say what to choose, and where.
  const unfilled = (header: string) => {
    const at = result.headers.indexOf(header);
    return at !== -1 && result.rows.some((row) => row[at] === '');
  };
  const missing: string[] = [];
  if (!region && unfilled('地区')) missing.push(regionMissing(model, `${table.title}的每一行都要注明地区，表格中没有填写“地区”`));
  const regionProblem = region && result.headers.includes('地区') ? unknownRegion(region, model) : undefined;
  if (regionProblem) missing.push(regionProblem);
  if (!policy && unfilled('来源政策'))
    missing.push(
      messageSentences('import-policy-missing', { policies: model.policies.map((p) => `${p.data.title}（${p.id}）`).join('、') }),
    );
  if (missing.length > 0) return failed(...missing);

  const path = `${target.into}.csv`;
  const text = `${Papa.unparse([result.headers, ...result.rows], { newline: '\n' })}\n`;
  const checked = readTable(table, input.outputLabel ?? `${input.displayRoot ?? 'content'}/${path}`, text);
  const problems = [...result.issues, ...checked.issues];
  if (problems.length > 0) return failed(...problems.map(formatIssue));

  const existing = input.content.find((f) => f.path === path);
  const name = target.into.split('/')[1]!;
  return {
    ok: true,
    id: name,
    title: `${table.title} ${name}`,
    kind: 'table',
    changes: [{ kind: 'file', path, text }],
    review: {
      recognised: [`读取了 ${result.rows.length} 行（${encoding}），列：${result.headers.join('、')}`],
      toCheck: existing
        ? [`将替换已有的 ${input.displayRoot ?? 'content'}/${path}（原有 ${Math.max(0, csvRecords(existing.text).length - 1)} 行）`]
        : [],
    },
    unplaced: [],
    written: [`${input.displayRoot ?? 'content'}/${path}：${result.rows.length} 行`],
    binaryFiles: [],
  };
}
