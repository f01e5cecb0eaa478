/**
 * `npm run import -- <file.csv|file.xlsx> --into <dataset> [--region <id>] [--policy <id>] [--force] [--out <path>]`
 * converts a spreadsheet exported from Excel/WPS into a dataset's content CSV;
 * `npm run import -- <file.docx> --into briefings|policies --region <id>` imports a Word document (import-docx.ts).
 * The conversion is scripts/authoring/import-upload.ts, the same as the
 * publishing desk's; this file reads the input and the content and writes the
 * result. Nothing is written when any row cannot be converted; every such row is listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot, displayRoot, readContentFiles } from '../src/loaders/content-files.ts';
import { csvRecords } from '../src/lib/content/csv-rows.ts';
import { decodeSpreadsheetText } from '../src/lib/content/text-encoding.ts';
import { tableOfDataset } from '../src/schemas/datasets.ts';
import { importWordDocument } from './import-docx.ts';
import { importUpload } from './authoring/import-upload.ts';

const USAGE =
  '用法：npm run import -- <文件.csv 或 文件.xlsx> --into <数据集> [--region <地区编号>] [--policy <政策编号>] [--force] [--out <输出文件>]\n数据集例如 tasks/qingshanhu-2024-zhibiao-renwu（任务清单）或 tables/targets（量化目标）。';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
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
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
const { values: options, positionals } = parsed;
const input = positionals[0];
const dataset = options.into;
if (!input || !dataset || positionals.length > 1) fail(USAGE);
if (!existsSync(input)) fail(`找不到文件：${input}`);
// Word documents (and what staff send instead of one) go to the document import.
if (['.docx', '.doc', '.wps', '.pdf'].includes(extname(input).toLowerCase())) {
  await importWordDocument(input, options);
  process.exit(0);
}

if (!tableOfDataset(dataset)) fail(`不认识数据集“${dataset}”。${USAGE}`);
const bytes = new Uint8Array(readFileSync(input));
const kind = extname(input).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
const root = contentRoot();
const out = options.out ?? join(root, `${dataset}.csv`);
const result = await importUpload({
  bytes,
  fileName: relative(process.cwd(), input),
  kind,
  target: { into: dataset, ...(options.region ? { region: options.region } : {}), ...(options.policy ? { policy: options.policy } : {}) },
  content: readContentFiles(root),
  commandLine: true,
  displayRoot: displayRoot(root),
  outputLabel: relative(process.cwd(), out),
});
if (!result.ok) {
  console.error(result.errors.join('\n'));
  fail(`共 ${result.errors.length} 处问题，没有写入任何文件。请修改表格后重新导入。`);
}
if (existsSync(out) && !options.force) fail(`${relative(process.cwd(), out)} 已经存在，没有覆盖。确认要替换时加上 --force。`);
const { text } = result.changes[0] as { text: string };
writeFileSync(out, text);
const encoding = kind === 'xlsx' ? 'xlsx' : decodeSpreadsheetText(bytes).encoding;
console.log(
  `已导入 ${csvRecords(text).length - 1} 行（${encoding}）→ ${relative(process.cwd(), out)}。请运行 npm run check 检查与其他数据的对应关系。`,
);
