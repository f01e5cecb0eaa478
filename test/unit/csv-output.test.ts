import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { neutraliseFormula, spreadsheetCsv } from '../../src/lib/csv-output.ts';

test('cells a spreadsheet would run as formulas are shown as text', () => {
  expect(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx'].map(neutraliseFormula)).toEqual([
    `'=HYPERLINK("http://x")`,
    "'+1+1",
    "'-2+3",
    "'@SUM(A1)",
    "'\tx",
  ]);
});

test('ordinary text and plain numbers are left as they are', () => {
  expect(['区政数局', '96', '-5', '0.5', '1.打造', '2023-06-30'].map(neutraliseFormula)).toEqual([
    '区政数局',
    '96',
    '-5',
    '0.5',
    '1.打造',
    '2023-06-30',
  ]);
});

test('downloads open in Excel/WPS: BOM, CRLF, quoting', () => {
  const csv = spreadsheetCsv([
    ['序号', '工作举措'],
    ['1', '推行“一窗办理”，实现“一次办”'],
  ]);
  expect(csv.startsWith('\uFEFF序号,工作举措\r\n')).toBe(true);
  expect(Papa.parse(csv.slice(1), { skipEmptyLines: true }).data).toEqual([
    ['序号', '工作举措'],
    ['1', '推行“一窗办理”，实现“一次办”'],
  ]);
});
