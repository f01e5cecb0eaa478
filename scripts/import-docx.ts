/**
 * The file side of `npm run import -- <file.docx> --into briefings|policies --region <id>`:
 * reads the Word file and the current content, converts (scripts/authoring/docx-*.ts),
 * checks the result with the same validation as `npm run check`, and writes
 * every file or none.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { checkContent, contentRoot, readContentFiles } from '../src/loaders/content-files.ts';
import { validateContent } from '../src/lib/content/validate-content.ts';
import { formatIssue, type ContentIssue } from '../src/lib/content/content-issue.ts';
import { messageCodesOf } from '../src/core/content-messages.ts';
import { checkDocxFormat, readDocx } from './authoring/docx-reader.ts';
import { importBriefing } from './authoring/docx-briefing.ts';
import { importPolicy } from './authoring/docx-policy.ts';
import { importSummary, type DocxImportResult, type ImportedFile } from './authoring/docx-draft.ts';

const USAGE =
  '用法：npm run import -- <文件.docx> --into briefings --region <地区编号> [--force] [--issue N] [--date YYYY-MM-DD] [--issuer 编印单位] [--series 简报名称]\n' +
  '      npm run import -- <文件.docx> --into policies --region <地区编号> [--id 政策编号] [--force]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Problems of the content as it would be after the import that are new, i.e. caused by it. */
function newProblems(files: readonly ImportedFile[]): ContentIssue[] {
  const root = contentRoot();
  const before = new Set(checkContent(root).issues.map(formatIssue));
  const changed = new Map(files.filter((f) => f.text !== undefined).map((f) => [f.path, f.text!]));
  const after = readContentFiles(root).filter((f) => !changed.has(f.path));
  for (const [path, text] of changed) after.push({ path, text });
  return validateContent(after, relative(process.cwd(), root) || '.').issues.filter((issue) => !before.has(formatIssue(issue)));
}

/** Every file, or none: each is written beside its target first, then all are moved into place. */
function writeAll(files: readonly ImportedFile[]): void {
  const root = contentRoot();
  const staged: [string, string][] = [];
  try {
    for (const file of files) {
      const target = join(root, file.path);
      mkdirSync(dirname(target), { recursive: true });
      const temporary = `${target}.importing`;
      writeFileSync(temporary, file.bytes ?? file.text!);
      staged.push([temporary, target]);
    }
  } catch (error) {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
    fail(`写入失败，没有改动任何文件：${error instanceof Error ? error.message : String(error)}`);
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
}

export async function importWordDocument(input: string, option: (name: string) => string | undefined, flag: (name: string) => boolean): Promise<void> {
  const into = option('into');
  const region = option('region');
  if ((into !== 'briefings' && into !== 'policies') || !region) fail(`Word 文件只能导入为简报或政策文件。\n${USAGE}`);
  const bytes = new Uint8Array(readFileSync(input));
  const fileName = basename(input);
  const format = checkDocxFormat(bytes, fileName);
  if (!format.ok) fail(`${format.message}\n没有写入任何文件。`);
  let content;
  try {
    content = await readDocx(bytes);
  } catch (error) {
    fail(`${fileName} 无法读取（文件可能已损坏或不是 Word 文档：${error instanceof Error ? error.message : String(error)}）。请用 Word 或 WPS 打开后重新另存为 .docx。没有写入任何文件。`);
  }
  if (content.blocks.length === 0) fail(`${fileName} 没有任何正文内容，没有导入。`);

  const { model } = checkContent();
  const regionRow = model.regions.find((r) => r.data.id === region);
  if (!regionRow) fail(`没有编号为“${region}”的地区。可用的编号：${model.regions.map((r) => r.data.id).join('、')}`);
  const root = contentRoot();
  const fileExists = (path: string) => existsSync(join(root, path));
  const readText = (path: string) => (fileExists(path) ? readFileSync(join(root, path), 'utf8') : '');
  const issue = option('issue');
  const force = flag('force');
  let result: DocxImportResult;
  if (into === 'briefings') {
    result = importBriefing({
      content,
      fileName,
      region,
      briefings: model.briefings.map((b) => ({ id: b.id, ...b.data })),
      fileExists,
      trackers: model.trackers.map((t) => t.data),
      indicators: model.indicators.map((i) => i.data),
      progressCsv: readText('tables/progress.csv'),
      rankingTiersCsv: readText('tables/ranking-tiers.csv'),
      given: {
        ...(issue ? { issue: Number(issue) } : {}),
        ...(option('date') ? { date: option('date')! } : {}),
        ...(option('series') ? { series: option('series')! } : {}),
        ...(option('issuer') ? { issuer: option('issuer')! } : {}),
      },
      force,
    });
  } else {
    result = importPolicy({
      content,
      fileName,
      region,
      policyIds: model.policies.map((p) => p.id),
      fileExists,
      indicators: model.indicators.map((i) => i.data),
      ...(option('id') ? { id: option('id')! } : {}),
      force,
    });
  }
  if (!result.ok) fail(`${result.errors.join('\n')}\n没有写入任何文件。`);
  // Figures that do not add up are written and reported by npm run check, as for hand-entered rows; anything else stops the import.
  const problems = newProblems(result.files)
    .filter((issue) => !messageCodesOf(issue.message, issue.hint).includes('parts-do-not-add-up'))
    .map(formatIssue);
  if (problems.length > 0) fail(`${problems.join('\n')}\n导入结果没有通过内容检查（共 ${problems.length} 处），没有写入任何文件。`);
  writeAll(result.files);
  console.log(`已从 ${relative(process.cwd(), input)} 导入草稿 ${result.id}。`);
  console.log(importSummary(result));
}
