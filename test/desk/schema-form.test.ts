/**
 * Forms generated from the schemas: a briefing's and a policy's frontmatter
 * with their Chinese labels and current values (internal fields left out),
 * the form written back into the MDX with the body and the review list
 * untouched, and a figure's fields from the progress table's definition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyFrontmatterForm, documentSections, figureForm, figureRow, frontmatterForm } from '../../src/lib/desk/schema-form.ts';
import { BRIEFING_FIELD_LABELS, briefingSchema } from '../../src/schemas/briefings.ts';
import { policySchema } from '../../src/schemas/policies.ts';
import { readMdxDocument } from '../../src/lib/content/mdx-document.ts';
import { progressTable } from '../../src/schemas/progress.ts';
import { readTable } from '../../src/lib/content/csv-table.ts';
import { draftFrontmatter } from '../../scripts/authoring/docx-draft.ts';
import { PROJECT_ROOT } from '../support/astro-build.ts';

const briefing = readFileSync(join(PROJECT_ROOT, 'content', 'briefings', 'longnan-jianbao-2023-03.mdx'), 'utf8');
const policy = readFileSync(join(PROJECT_ROOT, 'content', 'policies', 'longnan-2023-tuijin-jizhi.mdx'), 'utf8');
const draft = briefing.replace(
  '\n---\n',
  `\n${draftFrontmatter({ recognised: ['期号：第3期'], toCheck: ['请核对'] }, '本期').join('\n')}\n---\n`,
);
const byName = (fields: ReturnType<typeof frontmatterForm>) => Object.fromEntries(fields.map((f) => [f.name, f]));

describe('frontmatterForm', () => {
  test('a briefing: every schema field with its label and value, in schema order, internal fields left out', () => {
    const fields = frontmatterForm('briefing', draft);
    expect(fields.map((f) => [f.label, f.input, f.required])).toEqual([
      ['标题', 'text', true],
      ['简报名称', 'text', true],
      ['地区', 'text', true],
      ['期号', 'number', true],
      ['日期', 'date', true],
      ['编印单位', 'text', true],
      ['报送', 'text', false],
      ['抄送', 'text', false],
    ]);
    expect(fields.map((f) => f.name)).toEqual(Object.keys(briefingSchema.shape).filter((k) => k !== 'draft' && k !== 'review'));
    expect(fields.map((f) => f.label)).toEqual(fields.map((f) => BRIEFING_FIELD_LABELS[f.name]));
    expect(byName(fields)['issue']!.value).toBe('3');
    expect(byName(fields)['date']!.value).toBe('2023-08-04');
    expect(byName(fields)['submittedTo']!.value).toBe('旭辉、江闽、海旺、周翊同志');
  });

  test('a policy: lists one item a line, the 文种 choice, optional dates', () => {
    const fields = byName(frontmatterForm('policy', policy));
    expect(Object.keys(fields)).toEqual(Object.keys(policySchema.shape).filter((k) => k !== 'draft' && k !== 'review'));
    expect(fields['issuer']).toMatchObject({
      label: '发文机关',
      input: 'list',
      required: true,
      value: '龙南深入推进营商环境优化升级“一号改革工程”工作领导小组办公室',
    });
    expect(fields['indicators']!.value.split('\n')).toContain('zhengwu-fuwu');
    expect(fields['type']).toMatchObject({ label: '文种', input: 'select', value: '机制' });
    expect(fields['type']!.options!.map((o) => o.value)).toContain('通知');
    expect(fields['publishedDate']).toMatchObject({ label: '发布日期', input: 'date', required: false, value: '2023-07-03' });
    expect(fields['year']).toMatchObject({ input: 'number', value: '' });
    expect(fields['attachments']).toMatchObject({ input: 'list', hint: '每行一项，写成：标题｜dataset' });
  });
});

describe('applyFrontmatterForm', () => {
  test('changes only what the form changed; the body, the review list and the draft mark stay', () => {
    const values = Object.fromEntries(frontmatterForm('briefing', draft).map((f) => [f.name, f.value]));
    const text = applyFrontmatterForm('briefing', draft, { ...values, issue: '4', copiedTo: '' });
    const read = readMdxDocument(briefingSchema, BRIEFING_FIELD_LABELS, 'x.mdx', text);
    expect(read.issues).toEqual([]);
    expect(read.data).toMatchObject({
      issue: 4,
      date: '2023-08-04',
      draft: true,
      review: { recognised: ['期号：第3期'], toCheck: ['请核对'] },
    });
    expect(read.data).not.toHaveProperty('copiedTo');
    expect(text.slice(text.indexOf('\n---\n'))).toBe(draft.slice(draft.indexOf('\n---\n')));
    expect(text).toContain('# 草稿：网站不会发布本期。');
  });

  test('a value that is not a number is kept as typed, so the check names it', () => {
    const text = applyFrontmatterForm('briefing', briefing, { issue: '第4期' });
    expect(readMdxDocument(briefingSchema, BRIEFING_FIELD_LABELS, 'x.mdx', text).issues[0]).toMatchObject({
      field: '期号（issue）',
      message: '期号应为正整数，例如 3',
    });
  });

  test('lists and lists of items written back', () => {
    const text = applyFrontmatterForm('policy', policy, {
      issuer: '甲办公室\n乙局\n',
      attachments: '附件1：任务清单｜tasks/qingshanhu-2023-zhibiao-renwu',
    });
    const fields = byName(frontmatterForm('policy', text));
    expect(fields['issuer']!.value).toBe('甲办公室\n乙局');
    expect(fields['attachments']!.value).toBe('附件1：任务清单｜tasks/qingshanhu-2023-zhibiao-renwu');
    expect(fields['title']!.value).toBe('龙南优化营商环境工作推进机制');
  });
});

describe('figures', () => {
  const context = {
    trackers: [
      { id: 'disanfang-zhenggai', name: '第三方评价反馈问题整改' },
      { id: 'duibiao-tisheng', name: '对标提升' },
    ],
    sections: documentSections(briefing),
  };
  const unplaced = {
    quote: '第三方整改事项进展：…清单105项，截至8月31日，大部分已完成，未完成3项，正在推进6项，完成率97.1%。',
    section: 'shixiangqingdan',
    values: { 跟踪事项: 'disanfang-zhenggai', 截至日期: '2023-08-31', 总数: '105', 未完成: '3', 正在推进: '6', 公布完成率: '97.1' },
  };

  test('the sections of a briefing, with the anchors the site gives them', () => {
    expect(context.sections).toContainEqual({ anchor: 'shixiangqingdan', heading: '事项清单：' });
  });

  test('the form: the progress columns, the tracker and section as choices, filled with what the sentence stated', () => {
    const fields = figureForm(unplaced, context);
    expect(fields.map((f) => [f.name, f.input, f.required, f.value])).toEqual([
      ['跟踪事项', 'select', true, 'disanfang-zhenggai'],
      ['截至日期', 'date', true, '2023-08-31'],
      ['总数', 'number', true, '105'],
      ['已完成', 'number', true, ''],
      ['正在推进', 'number', false, '6'],
      ['未完成', 'number', false, '3'],
      ['长期坚持', 'number', false, ''],
      ['公布完成率', 'number', false, '97.1'],
      ['来源章节', 'select', true, 'shixiangqingdan'],
    ]);
    expect(fields[0]!.options).toEqual([
      { value: 'disanfang-zhenggai', label: '第三方评价反馈问题整改' },
      { value: 'duibiao-tisheng', label: '对标提升' },
    ]);
    expect(fields[8]!.options).toContainEqual({ value: 'shixiangqingdan', label: '事项清单：' });
    expect(fields[2]!.hint).toContain('单位：项');
  });

  test('the completed form is a progress.csv row the table reads', () => {
    const values = {
      ...Object.fromEntries(figureForm(unplaced, context).map((f) => [f.name, f.value])),
      已完成: '96',
      原文: unplaced.quote,
    };
    const row = figureRow(values, { region: 'longnan', briefing: 'longnan-jianbao-2023-04' });
    expect(Object.keys(row)).toEqual(progressTable.columns.map((c) => c.header));
    expect(row).toMatchObject({
      编号: 'longnan-2023-08-31-disanfang-zhenggai',
      地区: 'longnan',
      来源简报: 'longnan-jianbao-2023-04',
      已完成: '96',
      长期坚持: '',
    });
    const headers = progressTable.columns.map((c) => c.header);
    const csv = [headers.join(','), headers.map((h) => `"${row[h]}"`).join(',')].join('\n');
    const read = readTable(progressTable, 'progress.csv', csv);
    expect(read.issues).toEqual([]);
    expect(read.rows[0]!.data).toMatchObject({ total: 105, completed: 96, inProgress: 6, notCompleted: 3, publishedRate: 97.1 });
  });
});
