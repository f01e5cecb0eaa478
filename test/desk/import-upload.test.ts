/**
 * The importers as one in-memory call, on real Word and Excel bytes and a copy
 * of the real content: what a draft's changes are (the document as a file,
 * figures as rows appended to progress.csv), the figure sentences it could not
 * place with what they did state, and the refusals staff meet: a duplicate
 * 期号, a task list without its region or policy, a sheet with no header row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { importUpload, type UploadInput } from '../../scripts/authoring/import-upload.ts';
import { applyChanges } from '../../src/lib/desk/draft-changes.ts';
import { validateContent } from '../../src/lib/content/validate-content.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { briefingDocument, docxBytes, policyDocument, type BriefingOptions } from '../fixtures/docx/make-docx.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

const content = readContentFiles(join(PROJECT_ROOT, 'content'));
const untouched = structuredClone(content);
const progressBefore = content.find((f) => f.path === 'tables/progress.csv')!.text;
const briefing = async (options: BriefingOptions = {}) => new Uint8Array(await docxBytes(briefingDocument(options)));
const xlsx = new Uint8Array(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'tasks-merged.xlsx')));

const upload = (input: Partial<UploadInput> & Pick<UploadInput, 'bytes' | 'kind' | 'target'>) =>
  importUpload({ fileName: '上传的文件', content, ...input });
const ok = <T extends { ok: boolean }>(result: T) => {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result as Extract<T, { ok: true }>;
};
const errorsOf = (result: Awaited<ReturnType<typeof importUpload>>) => (result.ok ? [] : result.errors).join('\n');

describe('a Word briefing', async () => {
  const result = ok(
    await upload({ bytes: await briefing(), fileName: '第4期.docx', kind: 'docx', target: { into: 'briefings', region: 'longnan' } }),
  );

  test('becomes a draft: the document as a file, its figures as rows appended to the tables', () => {
    expect(result).toMatchObject({ id: 'longnan-jianbao-2023-04', kind: 'briefing', title: '龙南营商环境“一号改革工程”工作简报 第4期' });
    expect(result.changes.map((c) => [c.kind, c.path])).toEqual([
      ['file', 'briefings/longnan-jianbao-2023-04.mdx'],
      ['rows', 'tables/progress.csv'],
      ['rows', 'tables/ranking-tiers.csv'],
    ]);
    const progress = result.changes[1]!;
    expect(progress.kind === 'rows' && progress.rows.map((r) => [r['跟踪事项'], r['总数'], r['已完成'], r['来源章节']])).toEqual([
      ['disanfang-zhenggai', '105', '96', 'shixiangqingdan'],
      ['duibiao-tisheng', '93', '45', 'shixiangqingdan'],
      ['chuangxin-shidian', '125', '80', 'shixiangqingdan'],
    ]);
    expect((result.changes[0] as { text: string }).text).toContain('draft: true');
  });

  test('the content with the draft passes the content check, and the content passed in is not altered', () => {
    expect(validateContent(applyChanges(content, result.changes)).issues).toEqual([]);
    expect(content).toEqual(untouched);
  });

  test('a figure sentence without a completed count is unplaced, with only what it stated (已完成回访9项 is not one)', () => {
    expect(result.unplaced).toEqual([
      {
        key: 'figure-1',
        quote: '营商环境投诉事项进展：截止8月31日，共受理投诉12项，已办结10项，办结率83.3%，已完成回访9项。',
        section: 'shixiangqingdan',
        values: { 截至日期: '2023-08-31', 总数: '12' },
        reason: '看起来是进展数字，但没有找到已完成数',
      },
    ]);
    expect(result.review.toCheck.some((line) => line.startsWith('未能录入的数字：“营商环境投诉事项进展'))).toBe(true);
  });
});

test('a tracker sentence that does not say how many are done: its other figures are kept for the form, the count is not invented', async () => {
  const result = ok(
    await upload({
      bytes: await briefing({
        disanfang:
          '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截止8月31日，大部分已完成，未完成3项，正在推进6项，完成率97.1%。',
      }),
      kind: 'docx',
      target: { into: 'briefings', region: 'longnan' },
    }),
  );
  const figure = result.unplaced.find((f) => f.quote.startsWith('第三方整改'))!;
  expect(figure.values).toEqual({
    跟踪事项: 'disanfang-zhenggai',
    截至日期: '2023-08-31',
    总数: '105',
    正在推进: '6',
    未完成: '3',
    公布完成率: '97.1',
  });
  expect(figure.reason).toBe('看起来是进展数字，但没有找到已完成数');
  const rows = result.changes.find((c) => c.path === 'tables/progress.csv');
  expect(rows?.kind === 'rows' && rows.rows.map((r) => r['跟踪事项'])).toEqual(['duibiao-tisheng', 'chuangxin-shidian']);
});

describe('a duplicate 期号', async () => {
  const first = ok(await upload({ bytes: await briefing(), kind: 'docx', target: { into: 'briefings', region: 'longnan' } }));
  const published = applyChanges(content, first.changes);

  test('is refused on the desk, naming the issue, its file and the latest issue', async () => {
    const again = await upload({
      bytes: await briefing(),
      kind: 'docx',
      target: { into: 'briefings', region: 'longnan' },
      content: published,
    });
    expect(errorsOf(again)).toBe(
      '龙南营商环境“一号改革工程”工作简报 第4期已经存在（content/briefings/longnan-jianbao-2023-04.mdx），没有导入。请核对 Word 报头中“第N期”一行（本系列已有的最新一期是第4期），改正后重新上传；确实要替换已发布的那一期时，请联系网站维护人员。',
    );
  });

  test('on the command line, --force replaces it: the earlier rows are dropped, not doubled', async () => {
    expect(
      errorsOf(
        await upload({
          bytes: await briefing(),
          kind: 'docx',
          target: { into: 'briefings', region: 'longnan' },
          content: published,
          commandLine: true,
        }),
      ),
    ).toContain('加上 --force');
    const forced = ok(
      await upload({
        bytes: await briefing(),
        kind: 'docx',
        target: { into: 'briefings', region: 'longnan' },
        content: published,
        commandLine: true,
        force: true,
      }),
    );
    const progress = forced.changes.find((c) => c.path === 'tables/progress.csv')!;
    expect(progress.kind).toBe('file');
    const after = applyChanges(published, forced.changes).find((f) => f.path === 'tables/progress.csv')!.text;
    expect(after).toBe(published.find((f) => f.path === 'tables/progress.csv')!.text);
    expect(after.startsWith(progressBefore)).toBe(true);
  });
});

test('a Word policy: the document and its attachment table as task list', async () => {
  const result = ok(
    await upload({
      bytes: new Uint8Array(await docxBytes(policyDocument())),
      kind: 'docx',
      target: { into: 'policies', region: 'longnan' },
    }),
  );
  expect(result.kind).toBe('policy');
  expect(result.changes.map((c) => [c.kind, c.path])).toEqual([
    ['file', 'policies/longnan-2023-zhengce-1.mdx'],
    ['file', 'tasks/longnan-2023-zhengce-1-fujian1.csv'],
  ]);
  expect(result.unplaced).toEqual([]);
});

test('a Word file without a region, or with one not registered', async () => {
  const bytes = await briefing();
  const none = errorsOf(await upload({ bytes, kind: 'docx', target: { into: 'briefings' } }));
  expect(none).toContain(
    '没有选择地区：简报必须注明属于哪个地区。在发布台上传时，在“地区”下拉框中选择；用命令行导入时加 --region <地区编号>。可选的地区：',
  );
  expect(none).toContain('龙南市（longnan）');
  expect(errorsOf(await upload({ bytes, kind: 'docx', target: { into: 'briefings', region: 'nowhere' } }))).toMatch(
    /^没有编号为“nowhere”的地区。可用的编号：.*longnan/,
  );
});

describe('an Excel task list', () => {
  test('with region and policy: the content CSV, as the command line writes it', async () => {
    const result = ok(
      await upload({
        bytes: xlsx,
        kind: 'xlsx',
        target: { into: 'tasks/imported', region: 'qingshanhu', policy: 'qingshanhu-2023-xingdong-fangan' },
      }),
    );
    expect(result).toMatchObject({ id: 'imported', kind: 'table', unplaced: [] });
    expect(result.changes).toEqual([
      {
        kind: 'file',
        path: 'tasks/imported.csv',
        text: readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'expected-from-xlsx.csv'), 'utf8'),
      },
    ]);
  });

  test('without region or source policy: names what is missing and where to choose it, not “应为小写拼音”', async () => {
    const result = await upload({ bytes: xlsx, fileName: '清单.xlsx', kind: 'xlsx', target: { into: 'tasks/imported' } });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^没有选择地区：任务清单的每一行都要注明地区，表格中没有填写“地区”。在发布台上传时，在“地区”下拉框中选择；用命令行导入时加 --region <地区编号>。/,
    );
    expect(errors[1]).toMatch(
      /^没有选择来源政策：任务清单的每一行都要注明出自哪份政策，表格中也没有“来源政策”列。在发布台上传时，在“来源政策”下拉框中选择；用命令行导入时加 --policy <政策编号>。可选的政策：.*（qingshanhu-2023-xingdong-fangan）/,
    );
    expect(errors.join('')).not.toContain('应为小写拼音');
  });

  test('a sheet with no header row', async () => {
    const bytes = new Uint8Array(
      await writeXlsxFile([[{ value: 1 }, { value: '深入推进并联审批。' }, { value: '区住建局' }]], {}).toBuffer(),
    );
    expect(
      errorsOf(
        await upload({
          bytes,
          fileName: '清单.xlsx',
          kind: 'xlsx',
          target: { into: 'tasks/imported', region: 'qingshanhu', policy: 'qingshanhu-2023-xingdong-fangan' },
        }),
      ),
    ).toMatch(/^清单\.xlsx {2}找不到表头行 — 表头应包含这些列名中的一些：序号/);
  });

  test('an unknown dataset', async () => {
    expect(errorsOf(await upload({ bytes: xlsx, kind: 'xlsx', target: { into: 'tables/nothing' } }))).toContain(
      '不认识数据集“tables/nothing”',
    );
  });
});

test('a GB18030 CSV replacing a task list already there: the replacement is listed for checking', async () => {
  const csv = new Uint8Array(readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'import', 'tasks-gb18030.csv')));
  const result = ok(
    await upload({
      bytes: csv,
      kind: 'csv',
      target: { into: 'tasks/qingshanhu-2023-zhibiao-renwu', region: 'qingshanhu', policy: 'qingshanhu-2023-xingdong-fangan' },
    }),
  );
  expect(result.review.recognised[0]).toMatch(/^读取了 5 行（GB18030（GBK））/);
  expect(result.review.toCheck[0]).toMatch(/^将替换已有的 content\/tasks\/qingshanhu-2023-zhibiao-renwu\.csv（原有 \d+ 行）$/);
});

test("the issue's briefing, one word of a figure sentence left out (完成 for 已完成, 截至 for 截止): the figure is placed", async () => {
  const result = ok(
    await upload({
      bytes: await briefing({
        disanfang:
          '第三方整改事项进展：2022年度省营商环境第三方评价反馈59项具体问题整改举措清单105项，截至8月31日，完成96项，未完成3项，正在推进6项，完成率97.1%。',
      }),
      kind: 'docx',
      target: { into: 'briefings', region: 'longnan' },
    }),
  );
  expect(result.unplaced.map((f) => f.quote)).not.toContainEqual(expect.stringMatching(/^第三方整改/));
  const rows = result.changes.find((c) => c.path === 'tables/progress.csv');
  expect(rows?.kind === 'rows' && rows.rows[0]).toMatchObject({
    跟踪事项: 'disanfang-zhenggai',
    截至日期: '2023-08-31',
    总数: '105',
    已完成: '96',
    正在推进: '6',
    未完成: '3',
    公布完成率: '97.1',
  });
});
