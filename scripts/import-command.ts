/**
 * The work of `npm run import` (scripts/import.ts), as a function of the
 * command's arguments and the folders it runs in: a spreadsheet exported from
 * Excel/WPS becomes a dataset's content CSV; a Word document goes to the
 * document import (import-docx.ts). The conversion is
 * scripts/authoring/import-upload.ts, the same as the publishing desk's; this
 * file reads the input and the content and writes the result. Nothing is
 * written when any row cannot be converted; every such row is listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { displayRoot, readContentFiles } from '../src/loaders/content-files.ts';
import { csvRecords } from '../src/lib/content/csv-rows.ts';
import { decodeSpreadsheetText } from '../src/lib/content/text-encoding.ts';
import { tableOfDataset } from '../src/schemas/datasets.ts';
import { importUpload } from './authoring/import-upload.ts';
import { failed, succeeded, type CommandPlace, type CommandResult } from './command-result.ts';
import { importWordDocument } from './import-docx.ts';

const USAGE =
  '用法：npm run import -- <文件.csv 或 文件.xlsx> --into <数据集> [--region <地区编号>] [--policy <政策编号>] [--force] [--out <输出文件>]\n数据集例如 tasks/qingshanhu-2024-zhibiao-renwu（任务清单）或 tables/targets（量化目标）。';

/** Runs `npm run import -- <args>`: paths in `args` are relative to `place.cwd`; the content is `place.contentDir`. */
export async function runImport(args: string[], place: CommandPlace): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        into: { type: 'string' },
        region: { type: 'string' },
        policy: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        issue: { type: 'string' },
        date: { type: 'string' },
        series: { type: 'string' },
        issuer: { type: 'string' },
        id: { type: 'string' },
      },
    });
  } catch (error) {
    return failed(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values: options, positionals } = parsed;
  const input = positionals[0];
  const dataset = options.into;
  if (!input || !dataset || positionals.length > 1) return failed(USAGE);
  const inputPath = resolve(place.cwd, input);
  if (!existsSync(inputPath)) return failed(`找不到文件：${input}`);
  // Word documents (and what staff send instead of one) go to the document import.
  if (['.docx', '.doc', '.wps', '.pdf'].includes(extname(input).toLowerCase())) return importWordDocument(inputPath, options, place);

  if (!tableOfDataset(dataset)) return failed(`不认识数据集“${dataset}”。${USAGE}`);
  const bytes = new Uint8Array(readFileSync(inputPath));
  const kind = extname(input).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const root = place.contentDir;
  const out = options.out ? resolve(place.cwd, options.out) : join(root, `${dataset}.csv`);
  const outLabel = relative(place.cwd, out);
  const result = await importUpload({
    bytes,
    fileName: relative(place.cwd, inputPath),
    kind,
    target: { into: dataset, ...(options.region ? { region: options.region } : {}), ...(options.policy ? { policy: options.policy } : {}) },
    content: readContentFiles(root),
    commandLine: true,
    displayRoot: displayRoot(root, place.cwd),
    outputLabel: outLabel,
  });
  if (!result.ok) return failed(result.errors.join('\n'), `共 ${result.errors.length} 处问题，没有写入任何文件。请修改表格后重新导入。`);
  if (existsSync(out) && !options.force) return failed(`${outLabel} 已经存在，没有覆盖。确认要替换时加上 --force。`);
  const { text } = result.changes[0] as { text: string };
  writeFileSync(out, text);
  const encoding = kind === 'xlsx' ? 'xlsx' : decodeSpreadsheetText(bytes).encoding;
  return succeeded(`已导入 ${csvRecords(text).length - 1} 行（${encoding}）→ ${outLabel}。请运行 npm run check 检查与其他数据的对应关系。`);
}
