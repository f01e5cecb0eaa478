/**
 * The file side of `npm run import -- <file.docx> --into briefings|policies --region <id>`:
 * reads the Word file and the current content, converts it with the
 * publishing desk's import (scripts/authoring/import-upload.ts, which also
 * checks the result with the same validation as `npm run check`), and writes
 * every file or none.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { displayRoot, readContentFiles } from '../src/loaders/content-files.ts';
import { changedFiles } from '../src/lib/desk/draft-changes.ts';
import { importSummary } from './authoring/docx-draft.ts';
import { importUpload } from './authoring/import-upload.ts';
import { failed, succeeded, type CommandPlace, type CommandResult } from './command-result.ts';

const USAGE =
  '用法：npm run import -- <文件.docx> --into briefings --region <地区编号> [--force] [--issue N] [--date YYYY-MM-DD] [--issuer 编印单位] [--series 简报名称]\n' +
  '      npm run import -- <文件.docx> --into policies --region <地区编号> [--id 政策编号] [--force]';

/** Every file, or none: each is written beside its target first, then all are moved into place. Returns why it failed, if it did. */
function writeAll(root: string, files: readonly { path: string; text?: string; bytes?: Uint8Array }[]): string | undefined {
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
    return `写入失败，没有改动任何文件：${error instanceof Error ? error.message : String(error)}`;
  }
  for (const [temporary, target] of staged) renameSync(temporary, target);
  return undefined;
}

export interface WordImportOptions {
  into?: string | undefined;
  region?: string | undefined;
  force?: boolean | undefined;
  issue?: string | undefined;
  date?: string | undefined;
  series?: string | undefined;
  issuer?: string | undefined;
  id?: string | undefined;
}

/** Imports the Word file at `input` (an absolute path) into `place.contentDir`. */
export async function importWordDocument(input: string, options: WordImportOptions, place: CommandPlace): Promise<CommandResult> {
  const { into, region } = options;
  if ((into !== 'briefings' && into !== 'policies') || !region) return failed(`Word 文件只能导入为简报或政策文件。\n${USAGE}`);
  const root = place.contentDir;
  const content = readContentFiles(root);
  const result = await importUpload({
    bytes: new Uint8Array(readFileSync(input)),
    fileName: basename(input),
    kind: 'docx',
    target: { into, region, ...(options.id ? { id: options.id } : {}) },
    content,
    force: options.force ?? false,
    given: {
      ...(options.issue ? { issue: Number(options.issue) } : {}),
      ...(options.date ? { date: options.date } : {}),
      ...(options.series ? { series: options.series } : {}),
      ...(options.issuer ? { issuer: options.issuer } : {}),
    },
    commandLine: true,
    displayRoot: displayRoot(root, place.cwd),
  });
  if (!result.ok) return failed(`${result.errors.join('\n')}\n没有写入任何文件。`);
  const writeError = writeAll(root, [...changedFiles(content, result.changes), ...result.binaryFiles]);
  if (writeError) return failed(writeError);
  return succeeded(`已从 ${relative(place.cwd, input)} 导入草稿 ${result.id}。`, importSummary(result));
}
