/**
 * The content check run over the content with a draft, each new problem put
 * beside its form field with the catalogue's words: a figure that does not
 * add up at its 总数, an impossible date at 日期, a duplicate 期号 at 期号;
 * problems the content already had are not the draft's.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { draftIssues, rowFieldName } from '../../src/lib/desk/field-issues.ts';
import { applyFrontmatterForm, figureRow } from '../../src/lib/desk/schema-form.ts';
import type { DraftChange } from '../../src/lib/desk/draft-changes.ts';
import { contentMessage, messageText } from '../../src/core/content-messages.ts';
import { readContentFiles } from '../../src/loaders/content-files.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

const content = readContentFiles(join(PROJECT_ROOT, 'content'));
const third = content.find((f) => f.path === 'briefings/longnan-jianbao-2023-03.mdx')!.text;
/** Issue 4 of the same series, as a draft would hold it. */
const fourth = applyFrontmatterForm('briefing', third, {
  title: '龙南营商环境“一号改革工程”工作简报 第4期',
  issue: '4',
  date: '2023-09-05',
});
const briefingChange = (text: string): DraftChange => ({ kind: 'file', path: 'briefings/longnan-jianbao-2023-04.mdx', text });
const figure = (values: Record<string, string>) =>
  figureRow(
    {
      跟踪事项: 'disanfang-zhenggai',
      截至日期: '2023-08-31',
      总数: '105',
      已完成: '96',
      未完成: '3',
      正在推进: '6',
      来源章节: 'shixiangqingdan',
      原文: '第三方整改事项进展：…',
      ...values,
    },
    { region: 'longnan', briefing: 'longnan-jianbao-2023-04' },
  );

test('a draft that checks clean has no issues', () => {
  expect(draftIssues(content, [briefingChange(fourth), { kind: 'rows', path: 'tables/progress.csv', rows: [figure({})] }])).toEqual([]);
});

test('a figure whose parts do not add up: at its 总数, with the catalogue message', () => {
  const issues = draftIssues(content, [
    briefingChange(fourth),
    { kind: 'rows', path: 'tables/progress.csv', rows: [figure({}), figure({ 跟踪事项: 'duibiao-tisheng', 已完成: '90' })] },
  ]);
  expect(issues).toEqual([
    { field: rowFieldName('tables/progress.csv', 1, '总数'), message: messageText('parts-do-not-add-up', { sum: 99, total: 105 }) },
  ]);
  expect(issues[0]!.field).toBe('tables/progress.csv#1/总数');
});

test('an impossible date: at 日期', () => {
  const issues = draftIssues(content, [briefingChange(applyFrontmatterForm('briefing', fourth, { date: '2023-02-30' }))]);
  expect(issues).toEqual([{ field: 'date', message: messageText('date-not-real') }]);
});

test('a duplicate 期号: at 期号', () => {
  const issues = draftIssues(content, [briefingChange(applyFrontmatterForm('briefing', fourth, { issue: '3' }))]);
  const { message, hint } = contentMessage('duplicate-issue', { other: 'content/briefings/longnan-jianbao-2023-03.mdx' });
  expect(issues).toEqual([{ field: 'issue', message: `${message} — ${hint}` }]);
});

describe('rows', () => {
  test('an unknown tracker and a section not in the briefing, each at its field', () => {
    const issues = draftIssues(content, [
      briefingChange(fourth),
      { kind: 'rows', path: 'tables/progress.csv', rows: [figure({ 跟踪事项: 'meiyou', 来源章节: 'meiyou-zhangjie' })] },
    ]);
    expect(issues.map((i) => i.field).sort()).toEqual(['tables/progress.csv#0/来源章节', 'tables/progress.csv#0/跟踪事项']);
    expect(issues.find((i) => i.field.endsWith('跟踪事项'))!.message).toContain(messageText('unknown-tracker'));
  });

  test('a figure already recorded for that date and tracker: at 截至日期, where the row id comes from', () => {
    const existing = figureRow(
      {
        跟踪事项: 'disanfang-zhenggai',
        截至日期: '2023-07-31',
        总数: '105',
        已完成: '83',
        正在推进: '11',
        未完成: '11',
        来源章节: 'shixiangqingdan',
        原文: 'x',
      },
      { region: 'longnan', briefing: 'longnan-jianbao-2023-04' },
    );
    const issues = draftIssues(content, [briefingChange(fourth), { kind: 'rows', path: 'tables/progress.csv', rows: [existing] }]);
    expect(issues).toEqual([expect.objectContaining({ field: 'tables/progress.csv#0/截至日期' })]);
    expect(issues[0]!.message).toContain('重复');
  });
});

test("problems the content already has are not the draft's", () => {
  const broken = [...content, { path: 'tasks/broken-list.csv', text: '序号\n1\n' }];
  expect(draftIssues(broken, [briefingChange(fourth)])).toEqual([]);
});
