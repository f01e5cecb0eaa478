/**
 * `npm run import` on spreadsheets as Excel and WPS write them: the output is
 * exactly the expected content CSV; rows it cannot read are reported by row
 * and nothing is written; an existing file is not overwritten without --force.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { PROJECT_ROOT } from '../support/astro-build.ts';

// Each test runs the import as a process (2–3 s on a busy machine), some of them several times.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const importFile = (input: string, out: string, ...extra: string[]) =>
  spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'scripts', 'import.ts'),
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
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );

test('a GB18030 CSV from WPS: headers mapped, merged cells carried down, dates and full-width digits normalised', () => {
  const out = join(work, 'from-gb18030.csv');
  const result = importFile('tasks-gb18030.csv', out);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('已导入 5 行（GB18030（GBK））');
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-gb18030.csv'), 'utf8'));
});

test('an .xlsx with merged cells and mixed date formats, including Excel date cells and serial numbers', () => {
  const out = join(work, 'from-xlsx.csv');
  const result = importFile('tasks-merged.xlsx', out);
  expect(result.status, result.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-xlsx.csv'), 'utf8'));
});

test('a UTF-8-BOM CSV saved by Excel (CRLF, quoted cells, spaced headers and dates)', () => {
  const out = join(work, 'from-bom-ok.csv');
  const result = importFile('tasks-utf8-bom-excel.csv', out);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('已导入 3 行（UTF-8（带 BOM））');
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-utf8-bom.csv'), 'utf8'));
});

test('a UTF-8-BOM CSV with unreadable dates: every bad row reported, nothing written', () => {
  const out = join(work, 'from-bom.csv');
  const result = importFile('tasks-utf8-bom-bad-dates.csv', out);
  expect(result.status).toBe(1);
  expect(result.stderr).toMatchInlineSnapshot(`
    "test/fixtures/import/tasks-utf8-bom-bad-dates.csv 第3行  完成时限："2023年6月31日"  不是能识别的日期 — 写成 2023年6月30日、2023/6/30、2023.6.30 或 2023-06-30，并确认该月有这一天
    test/fixtures/import/tasks-utf8-bom-bad-dates.csv 第4行  完成时限："2023年12月底"  不是能识别的日期 — 写成 2023年6月30日、2023/6/30、2023.6.30 或 2023-06-30，并确认该月有这一天
    共 2 处问题，没有写入任何文件。请修改表格后重新导入。
    "
  `);
  expect(existsSync(out)).toBe(false);
});

test('an existing file is only replaced with --force', () => {
  const out = join(work, 'existing.csv');
  writeFileSync(out, 'keep me');
  const refused = importFile('tasks-gb18030.csv', out);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('已经存在，没有覆盖');
  expect(readFileSync(out, 'utf8')).toBe('keep me');
  expect(importFile('tasks-gb18030.csv', out, '--force').status).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-gb18030.csv'), 'utf8'));
});

test('options may come before the file: --force 清单.xlsx', () => {
  const out = join(work, 'force-first.csv');
  writeFileSync(out, 'keep me');
  const result = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'scripts', 'import.ts'),
      '--force',
      join(FIXTURES, 'tasks-merged.xlsx'),
      '--into',
      'tasks/imported',
      '--region',
      'qingshanhu',
      '--policy',
      'qingshanhu-2023-xingdong-fangan',
      '--out',
      out,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIXTURES, 'expected-from-xlsx.csv'), 'utf8'));
});

test('a task list without --region or --policy: what is missing and where to give it', () => {
  const result = spawnSync(
    process.execPath,
    [
      join(PROJECT_ROOT, 'scripts', 'import.ts'),
      join(FIXTURES, 'tasks-merged.xlsx'),
      '--into',
      'tasks/imported',
      '--out',
      join(work, 'no-region.csv'),
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('没有选择地区');
  expect(result.stderr).toContain('--region <地区编号>');
  expect(result.stderr).toContain('--policy <政策编号>');
  expect(result.stderr).not.toContain('应为小写拼音');
  expect(existsSync(join(work, 'no-region.csv'))).toBe(false);
});
