import { expect, test } from 'vitest';
import { importRows, parseSpreadsheetDate, tidyText } from '../../scripts/authoring/spreadsheet-import.ts';
import { decodeSpreadsheetText } from '../../src/lib/content/text-encoding.ts';
import { tasksTable } from '../../src/schemas/tasks.ts';

test('dates in every form staff type become ISO; impossible ones do not', () => {
  for (const value of [
    '2023年6月30日',
    '2023 年 6 月 30 日',
    '2023/6/30',
    '2023.6.30',
    '2023-6-30',
    '２０２３－０６－３０',
    45107,
    '45107',
  ])
    expect(parseSpreadsheetDate(value), String(value)).toBe('2023-06-30');
  expect(parseSpreadsheetDate(new Date(Date.UTC(2023, 5, 30)))).toBe('2023-06-30');
  for (const value of ['2023年6月31日', '2023年12月底', '六月', '', 0]) expect(parseSpreadsheetDate(value), String(value)).toBeUndefined();
});

test('full-width digits and letters fold, Chinese punctuation stays, stray spaces go', () => {
  expect(tidyText('　５Ｇ 物流 信息，达到９６％ 以上 ')).toBe('5G物流信息，达到96%以上');
});

test('encodings: UTF-8 with and without BOM, UTF-16, else GB18030', () => {
  const utf8 = new TextEncoder().encode('序号,工作举措');
  expect(decodeSpreadsheetText(utf8)).toEqual({ text: '序号,工作举措', encoding: 'UTF-8' });
  expect(decodeSpreadsheetText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).text).toBe('序号,工作举措');
  expect(decodeSpreadsheetText(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5]))).toEqual({ text: '序号', encoding: 'GB18030（GBK）' });
});

test("header variants map to the dataset's headers; unknown headers are reported, not silently dropped", () => {
  const result = importRows(
    [
      ['序 号', '具体举措', '责任单位', '完成时间', '备注'],
      ['1', '推行网办。', '区市监局', '2023/6/30', '无'],
    ],
    { table: tasksTable, file: 'x.csv', region: 'qingshanhu', defaults: { 来源政策: 'p' } },
  );
  expect(result.headers).toEqual(['序号', '地区', '工作举措', '牵头单位', '配合单位', '完成时限', '来源政策', '状态', '截至日期']);
  expect(result.rows).toEqual([['1', 'qingshanhu', '推行网办。', '区市监局', '', '2023-06-30', 'p', '', '']]);
  expect(result.issues.map((i) => `${i.field} ${i.value} ${i.message}`)).toEqual(['第5列 备注 不是本数据集的列名，这一列不会导入']);
});

test("a repeated header row from a page break is skipped; a new group does not inherit the last group's values", () => {
  const result = importRows(
    [
      ['序号', '指标名称', '创新试点项目', '工作举措', '牵头单位', '配合单位', '完成时限'],
      ['1', '开办企业', '集中申办', '甲。', '区市监局', '', '2023-06-30'],
      ['序号', '指标名称', '创新试点项目', '工作举措', '牵头单位', '配合单位', '完成时限'],
      ['2', '', '', '乙。', '区市监局', '', '2023-06-30'],
      ['3', '纳税', '', '丙。', '区税务局', '', '2023-06-30'],
    ],
    { table: tasksTable, file: 'x.csv', region: 'q', defaults: { 来源政策: 'p' } },
  );
  expect(result.rows.map((r) => [r[0], r[result.headers.indexOf('指标名称')], r[result.headers.indexOf('创新试点项目')]])).toEqual([
    ['1', '开办企业', '集中申办'],
    ['2', '开办企业', '集中申办'],
    ['3', '纳税', ''],
  ]);
});
