/**
 * `npm run import` on spreadsheets as Excel and WPS write them: the output is
 * exactly the expected content CSV; rows it cannot read are reported by row
 * and nothing is written; an existing file is not overwritten without --force.
 * The cases call the command's work in-process (runImport); one runs it as a
 * process, so its argument parsing, output and exit code are tested end to end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { runImport } from '../../scripts/import-command.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

// The one case that starts the import as a process can take seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HERE = { contentDir: join(PROJECT_ROOT, 'content'), cwd: PROJECT_ROOT };

const importArgs = (input: string, out: string, ...extra: string[]) => [
  join(FIXTURES, input),
  '--into',
  'tasks/imported',
  '--region',
  'qingshanhu',
  '--policy',
  'qingshanhu-2023-xingdong-fangan',
  '--out',
  out,
  ...extra,
];

const importFile = (input: string, out: string, ...extra: string[]) => runImport(importArgs(input, out, ...extra), HERE);

test('a GB18030 CSV from WPS: headers mapped, merged cells carried down, dates and full-width digits normalised', async () => {
  const out = join(work, 'from-gb18030.csv');
  const result = await importFile('tasks-gb18030.csv', out);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('已导入 5 行（GB18030（GBK））');
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-gb18030.csv'), 'utf8'));
});

test('an .xlsx with merged cells and mixed date formats, including Excel date cells and serial numbers', async () => {
  const out = join(work, 'from-xlsx.csv');
  const result = await importFile('tasks-merged.xlsx', out);
  expect(result.status, result.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-xlsx.csv'), 'utf8'));
});

test('a UTF-8-BOM CSV saved by Excel (CRLF, quoted cells, spaced headers and dates)', async () => {
  const out = join(work, 'from-bom-ok.csv');
  const result = await importFile('tasks-utf8-bom-excel.csv', out);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('已导入 3 行（UTF-8（带 BOM））');
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-utf8-bom.csv'), 'utf8'));
});

test('as a process: a UTF-8-BOM CSV with unreadable dates: every bad row reported on stderr, exit code 1, nothing written', () => {
  const out = join(work, 'from-bom.csv');
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'scripts', 'import.ts'), ...importArgs('tasks-utf8-bom-bad-dates.csv', out)],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toMatchInlineSnapshot(`
    "test/fixtures/import/tasks-utf8-bom-bad-dates.csv 第3行  完成时限："2023年6月31日"  不是能识别的日期 — 写成 2023年6月30日、2023/6/30、2023.6.30 或 2023-06-30，并确认该月有这一天
    test/fixtures/import/tasks-utf8-bom-bad-dates.csv 第4行  完成时限："2023年12月底"  不是能识别的日期 — 写成 2023年6月30日、2023/6/30、2023.6.30 或 2023-06-30，并确认该月有这一天
    共 2 处问题，没有写入任何文件。请修改表格后重新导入。
    "
  `);
  expect(existsSync(out)).toBe(false);
});

test('an existing file is only replaced with --force', async () => {
  const out = join(work, 'existing.csv');
  writeFileSync(out, 'keep me');
  const refused = await importFile('tasks-gb18030.csv', out);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('已经存在，没有覆盖');
  expect(readFileSync(out, 'utf8')).toBe('keep me');
  expect((await importFile('tasks-gb18030.csv', out, '--force')).status).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-gb18030.csv'), 'utf8'));
});

test('options may come before the file: --force 清单.xlsx', async () => {
  const out = join(work, 'force-first.csv');
  writeFileSync(out, 'keep me');
  const result = await runImport(['--force', ...importArgs('tasks-merged.xlsx', out)], HERE);
  expect(result.status, result.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-xlsx.csv'), 'utf8'));
});

test('a task list without --region or --policy: what is missing and where to give it', async () => {
  const result = await runImport(
    [join(FIXTURES, 'tasks-merged.xlsx'), '--into', 'tasks/imported', '--out', join(work, 'no-region.csv')],
    HERE,
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('没有选择地区');
  expect(result.stderr).toContain('--region <地区编号>');
  expect(result.stderr).toContain('--policy <政策编号>');
  expect(result.stderr).not.toContain('应为小写拼音');
  expect(existsSync(join(work, 'no-region.csv'))).toBe(false);
});
