import { expect, test } from 'vitest';
import { readTable } from '../../../src/lib/content/csv-table.ts';
import { regionsTable } from '../../../src/schemas/regions.ts';
import { tasksTable } from '../../../src/schemas/tasks.ts';

const HEADER = '编号,名称,层级,上级';

test('rows are typed, trimmed and numbered as spreadsheet rows', () => {
  const { rows, issues } = readTable(regionsTable, 'r.csv', `\uFEFF${HEADER}\njiangxi,江西省,省,\n nanchang , 南昌市 ,设区市,jiangxi\n`);
  expect(issues).toEqual([]);
  expect(rows).toEqual([
    { row: 2, label: '编号 jiangxi', data: { id: 'jiangxi', name: '江西省', level: '省', parent: undefined } },
    { row: 3, label: '编号 nanchang', data: { id: 'nanchang', name: '南昌市', level: '设区市', parent: 'jiangxi' } },
  ]);
});

test('columns may come in any order, and quoted cells may hold commas and quotes', () => {
  const { rows, issues } = readTable(regionsTable, 'r.csv', `名称,编号,上级,层级\n"青山湖区，南昌",qingshanhu,nanchang,市辖区\n"""湾里""",wanli,nanchang,管理局\n`);
  expect(issues).toEqual([]);
  expect(rows.map((r) => r.data.name)).toEqual(['青山湖区，南昌', '"湾里"']);
});

test('CRLF line ends from Excel are read the same as LF', () => {
  const { rows, issues } = readTable(regionsTable, 'r.csv', `${HEADER}\r\njiangxi,江西省,省,\r\n`);
  expect(issues).toEqual([]);
  expect(rows).toHaveLength(1);
});

test('every bad row is reported, not only the first', () => {
  const { rows, issues } = readTable(regionsTable, 'r.csv', `${HEADER}\na,甲,县,\nb,乙,省,\nC,丙,省,\n`);
  expect(rows.map((r) => r.data.id)).toEqual(['b']);
  expect(issues.map((i) => [i.row, i.field, i.value])).toEqual([
    [2, '层级', '县'],
    [4, '编号', 'C'],
  ]);
});

test('a list may leave out the columns only some lists have, but not the others', () => {
  const header = '序号,地区,工作举措,牵头单位,配合单位,完成时限,来源政策,状态,截至日期';
  expect(readTable(tasksTable, 't.csv', `${header}\n1,x,举措。,单位,,2023-06-30,p,,\n`).issues).toEqual([]);
  const missing = readTable(tasksTable, 't.csv', `序号,地区,工作举措\n1,x,举措。\n`).issues.map((i) => i.field);
  expect(missing).toEqual(['牵头单位', '配合单位', '完成时限', '来源政策', '状态', '截至日期']);
});
