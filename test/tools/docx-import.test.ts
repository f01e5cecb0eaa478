/**
 * `npm run import` on Word files shaped as clerks make them (built by
 * test/fixtures/docx/make-docx.ts), into a copy of the real content: the MDX
 * and CSV it writes are the expected files in test/fixtures/docx/expected/
 * (UPDATE_DOCX_EXPECTED=1 rewrites them; review the diff by eye), the result
 * passes `npm run check`, and every kind of bad input is refused with its
 * message and nothing written. The cases call the commands' work in-process
 * (runImport, runCheck); one import and one check run as processes, so their
 * argument parsing, CONTENT_DIR, output and exit codes are tested end to end.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCheck } from '../../scripts/check-command.ts';
import { runImport } from '../../scripts/import-command.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';
import { briefingDocument, docxBytes, policyDocument, type BriefingOptions } from '../fixtures/docx/make-docx.ts';

// The cases that start a command as a process can take seconds each on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const EXPECTED = join(PROJECT_ROOT, 'test', 'fixtures', 'docx', 'expected');
const work = mkdtempSync(join(tmpdir(), 'docx-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let copies = 0;
function freshContent(): string {
  const dir = join(work, `content-${++copies}`);
  cpSync(join(PROJECT_ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** The command as a process, as staff run it: `node scripts/<script> <args>` with CONTENT_DIR pointing at the folder. */
const runProcess = (script: 'import.ts' | 'check.ts', args: string[], contentDir: string) =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });

const importInto = (contentDir: string, args: string[]) => runImport(args, { contentDir, cwd: PROJECT_ROOT });
const check = (contentDir: string) => runCheck({ contentDir, cwd: PROJECT_ROOT });

async function wordFile(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<string> {
  const path = join(work, name);
  writeFileSync(path, await bytes);
  return path;
}

/** Every file of a content tree with a hash of its bytes: equal before and after means nothing was written. */
function snapshot(dir: string, base = dir): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? Object.entries(snapshot(path, base))
        : [[path.slice(base.length), createHash('sha256').update(readFileSync(path)).digest('hex')]];
    }),
  );
}

/** Compares with the expected file, or writes it when UPDATE_DOCX_EXPECTED is set. */
function expectFile(actual: string, name: string) {
  const path = join(EXPECTED, name);
  if (process.env.UPDATE_DOCX_EXPECTED) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** The lines a file gained. */
const addedLines = (before: string, after: string) =>
  after.startsWith(before) ? after.slice(before.length) : `(file rewritten)\n${after}`;

const briefingArgs = async (options: BriefingOptions, extra: string[]) => [
  await wordFile(`briefing-${copies}.docx`, docxBytes(briefingDocument(options))),
  '--into',
  'briefings',
  '--region',
  'longnan',
  ...extra,
];

const importBriefing = async (contentDir: string, options: BriefingOptions = {}, ...extra: string[]) =>
  importInto(contentDir, await briefingArgs(options, extra));

describe('a briefing in the shape of 第3期', () => {
  const contentDir = freshContent();
  const progressBefore = readFileSync(join(contentDir, 'tables', 'progress.csv'), 'utf8');
  const tiersBefore = readFileSync(join(contentDir, 'tables', 'ranking-tiers.csv'), 'utf8');
  let first: { status: number | null; stdout: string; stderr: string };

  test('as a process: imports as a draft: masthead, body, figures and ranking tiers', async () => {
    first = runProcess('import.ts', await briefingArgs({}, []), contentDir);
    expect(first.status, first.stderr).toBe(0);
    expectFile(readFileSync(join(contentDir, 'briefings', 'longnan-jianbao-2023-04.mdx'), 'utf8'), 'longnan-jianbao-2023-04.mdx');
    expectFile(addedLines(progressBefore, readFileSync(join(contentDir, 'tables', 'progress.csv'), 'utf8')), 'progress-added.csv');
    expectFile(addedLines(tiersBefore, readFileSync(join(contentDir, 'tables', 'ranking-tiers.csv'), 'utf8')), 'ranking-tiers-added.csv');
  });

  test('prints what it wrote, recognised and left to check, in Chinese', () => {
    expect(first.stdout).toContain('已写入：');
    expect(first.stdout).toContain('content/tables/progress.csv：新增 3 行进展数字');
    expect(first.stdout).toContain('进展数字：第三方评价反馈问题整改，截止8月31日，总数 105');
    expect(first.stdout).toMatch(/需要人工核对：[\s\S]*未能录入的数字：“营商环境投诉事项进展/);
  });

  test('the result passes npm run check', () => {
    const checked = check(contentDir);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/^内容检查通过：.*份政策、.*期简报/);
  });

  test('the same issue again is refused; with --force it is replaced, its figures not doubled', async () => {
    const before = snapshot(contentDir);
    const again = await importBriefing(contentDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      '龙南营商环境“一号改革工程”工作简报 第4期已经存在（content/briefings/longnan-jianbao-2023-04.mdx），没有导入。确认要用这份 Word 文件替换它时，加上 --force。',
    );
    expect(snapshot(contentDir)).toEqual(before);
    const forced = await importBriefing(contentDir, {}, '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(snapshot(contentDir)).toEqual(before);
  });
});

test('a file already there that the content check cannot read is not replaced without --force', async () => {
  const contentDir = freshContent();
  writeFileSync(join(contentDir, 'briefings', 'longnan-jianbao-2023-04.mdx'), '---\ntitle: 未写完的第4期\n---\n');
  const before = snapshot(contentDir);
  const result = await importBriefing(contentDir);
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('content/briefings/longnan-jianbao-2023-04.mdx 已经存在，没有导入。确认要替换时加上 --force。');
  expect(snapshot(contentDir)).toEqual(before);
});

describe('a policy with a 文号, numbered headings and an attachment table with merged cells', () => {
  const contentDir = freshContent();
  test('imports as a draft with its task list linked from the attachments', async () => {
    const result = await importInto(contentDir, [
      await wordFile('policy.docx', docxBytes(policyDocument())),
      '--into',
      'policies',
      '--region',
      'longnan',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expectFile(readFileSync(join(contentDir, 'policies', 'longnan-2023-zhengce-1.mdx'), 'utf8'), 'longnan-2023-zhengce-1.mdx');
    expectFile(readFileSync(join(contentDir, 'tasks', 'longnan-2023-zhengce-1-fujian1.csv'), 'utf8'), 'longnan-2023-zhengce-1-fujian1.csv');
    const checked = check(contentDir);
    expect(checked.status, checked.stderr).toBe(0);
  });
});

describe('bad input: a message in Chinese and nothing written', () => {
  const contentDir = freshContent();
  const before = snapshot(contentDir);
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  test.each([
    ['简报.doc', ole, '是旧版 Word/WPS 格式（.doc 或 .wps），无法直接导入。请用 Word 打开后选择“文件 → 另存为”'],
    ['简报.wps', ole, '保存类型选“Word 文档 (*.docx)”；用 WPS 打开后选择“文件 → 另存为”，文件类型选“Microsoft Word 文件 (*.docx)”'],
    ['简报.pdf', new TextEncoder().encode('%PDF-1.7\n'), '是 PDF 文件'],
    ['加密.docx', ole, '设置了打开密码（文件已加密），无法读取'],
    ['空白.docx', new Uint8Array(), '是空文件（0 字节）'],
  ])('%s', async (name, bytes, message) => {
    const result = await importInto(contentDir, [await wordFile(name, bytes), '--into', 'briefings', '--region', 'longnan']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('没有写入任何文件。');
    expect(snapshot(contentDir)).toEqual(before);
  });

  test('a masthead without 第N期: which field to give by hand', async () => {
    const result = await importBriefing(contentDir, { issueLine: '第  期' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('找不到期号。报头中应有单独一行“第N期”；请在 Word 中补上，或在命令中加 --issue N 手工填写。');
    expect(snapshot(contentDir)).toEqual(before);
  });

  test('a masthead without the issuer and date line names both fields', async () => {
    const result = await importBriefing(contentDir, { issuerLine: null });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('找不到日期');
    expect(result.stderr).toContain('--date YYYY-MM-DD');
    expect(result.stderr).toContain('--issuer "编印单位"');
    expect(snapshot(contentDir)).toEqual(before);
  });
});

test('figures whose counts do not add up are written, and npm run check flags them as for hand-entered rows', async () => {
  const contentDir = freshContent();
  // Checked before the import: the check after it must see the folder as it is then, not as it was validated here.
  expect(check(contentDir).status).toBe(0);
  const result = await importBriefing(contentDir, {
    disanfang:
      '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截止8月31日，已完成90项，未完成3项，正在推进6项，完成率97.1%。',
  });
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toContain('第三方评价反馈问题整改：分项之和为 99，与总数 105 不符，已照录；npm run check 会报告这一行');
  const message =
    '（编号 longnan-2023-08-31-disanfang-zhenggai）  总数："105"  分项之和为 99（已完成+正在推进+未完成+长期坚持），与总数 105 不符';
  const inProcess = check(contentDir);
  expect(inProcess.status).toBe(1);
  expect(inProcess.stderr).toContain(message);
  // As a process, with the folder given as CONTENT_DIR: the report on stderr and exit code 1.
  const asProcess = runProcess('check.ts', [], contentDir);
  expect(asProcess.status).toBe(1);
  expect(asProcess.stderr).toBe(inProcess.stderr);
});
