/**
 * `npm run import -- <file.csv|file.xlsx> --into <dataset> [--region <id>] [--policy <id>] [--force] [--out <path>]`
 * converts a spreadsheet exported from Excel/WPS into a dataset's content CSV;
 * `npm run import -- <file.docx> --into briefings|policies --region <id>` imports a Word document (import-docx.ts).
 * Nothing is written when any row cannot be converted; every such row is listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { checkContent, contentRoot } from '../src/loaders/content-files.ts';
import { importWordDocument } from './import-docx.ts';
import { importRows } from './authoring/spreadsheet-import.ts';
import { decodeSpreadsheetText } from '../src/lib/content/text-encoding.ts';
import { readTable } from '../src/lib/content/csv-table.ts';
import { formatIssue } from '../src/lib/content/content-issue.ts';
import { indicatorByName } from '../src/lib/catalog.ts';
import { tableOfDataset } from '../src/schemas/datasets.ts';

const USAGE = '用法：npm run import -- <文件.csv 或 文件.xlsx> --into <数据集> [--region <地区编号>] [--policy <政策编号>] [--force] [--out <输出文件>]\n数据集例如 tasks/qingshanhu-2024-zhibiao-renwu（任务清单）或 tables/targets（量化目标）。';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const input = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const dataset = option('into');
if (!input || !dataset) fail(USAGE);
if (!existsSync(input)) fail(`找不到文件：${input}`);
// Word documents (and what staff send instead of one) go to the document import.
if (['.docx', '.doc', '.wps', '.pdf'].includes(extname(input).toLowerCase())) {
  await importWordDocument(input, option, (name) => args.includes(`--${name}`));
  process.exit(0);
}

const table = tableOfDataset(dataset) ?? fail(`不认识数据集“${dataset}”。${USAGE}`);

const bytes = readFileSync(input);
let sheet: unknown[][];
let encoding = 'xlsx';
if (extname(input).toLowerCase() === '.xlsx') sheet = (await readSheet(bytes)) as unknown[][];
else {
  const decoded = decodeSpreadsheetText(bytes);
  encoding = decoded.encoding;
  sheet = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' }).data;
}

const { model } = checkContent();
const indicators = model.indicators.map((i) => i.data);
const file = relative(process.cwd(), input);
const region = option('region');
const policy = option('policy');
const result = importRows(sheet, {
  table,
  file,
  region,
  defaults: policy ? { 来源政策: policy } : {},
  indicatorIdOf: (name) => indicatorByName(name, indicators)?.id,
});
const text = `${Papa.unparse([result.headers, ...result.rows], { newline: '\n' })}\n`;
const out = option('out') ?? join(contentRoot(), `${dataset}.csv`);
const checked = readTable(table, relative(process.cwd(), out), text);
const problems = [...result.issues, ...checked.issues];
if (problems.length > 0) {
  console.error(problems.map(formatIssue).join('\n'));
  fail(`共 ${problems.length} 处问题，没有写入任何文件。请修改表格后重新导入。`);
}
if (existsSync(out) && !args.includes('--force')) fail(`${relative(process.cwd(), out)} 已经存在，没有覆盖。确认要替换时加上 --force。`);
writeFileSync(out, text);
console.log(`已导入 ${result.rows.length} 行（${encoding}）→ ${relative(process.cwd(), out)}。请运行 npm run check 检查与其他数据的对应关系。`);
