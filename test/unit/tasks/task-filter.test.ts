import { expect, test } from 'vitest';
import {
  deadlineMonth,
  filterFromQuery,
  filterOptions,
  filterTasks,
  isEmptyFilter,
  queryFromFilter,
  type FilterableTask,
} from '../../../src/lib/tasks/task-filter.ts';

const tasks: FilterableTask[] = [
  { group: '开办企业', leadUnit: '区市监局', deadline: '2023-06-30', text: '推行营业执照集中申办 区市监局' },
  { group: '开办企业', leadUnit: '区市监局、区政数局', deadline: '2023-12-31', text: '拓展无纸全程电子化登记 区市监局、区政数局' },
  { group: '办理建筑许可', leadUnit: '区住建局', deadline: '2023-06-15', text: '推行“多测合一” 区住建局 ５Ｇ' },
  { group: '办理建筑许可', leadUnit: '', deadline: '', text: '（原文空白）' },
];

test('a lead-unit cell naming several units matches each of them', () => {
  expect(filterTasks(tasks, { unit: '区政数局' })).toEqual([false, true, false, false]);
  expect(filterTasks(tasks, { unit: '区市监局' })).toEqual([true, true, false, false]);
});

test('filters combine: indicator, deadline month and words must all hold', () => {
  expect(filterTasks(tasks, { month: '2023-06' })).toEqual([true, false, true, false]);
  expect(filterTasks(tasks, { group: '开办企业', month: '2023-06' })).toEqual([true, false, false, false]);
  expect(filterTasks(tasks, { text: '登记 区政数局' })).toEqual([false, true, false, false]);
  expect(filterTasks(tasks, { text: '5g' })).toEqual([false, false, true, false]);
  expect(filterTasks(tasks, {})).toEqual([true, true, true, true]);
  expect(filterTasks(tasks, { group: '纳税' })).toEqual([false, false, false, false]);
});

test('the filter survives the round trip through the address, and an empty one leaves no query', () => {
  const filter = { group: '开办企业', unit: '区市监局', month: '2023-06', text: '电子 登记' };
  const query = queryFromFilter(filter);
  expect(query).toMatch(/^\?group=/);
  expect(filterFromQuery(query)).toEqual(filter);
  expect(queryFromFilter({ text: '  ' })).toBe('');
  expect(filterFromQuery('?utm=x&unit=%20')).toEqual({});
  expect(isEmptyFilter(filterFromQuery(''))).toBe(true);
});

test('choices list groups in list order, units by how many tasks they lead, months in date order', () => {
  const options = filterOptions(tasks);
  expect(options.groups.map((o) => [o.value, o.count])).toEqual([
    ['开办企业', 2],
    ['办理建筑许可', 2],
  ]);
  expect(options.units.map((o) => [o.value, o.count])).toEqual([
    ['区市监局', 2],
    ['区政数局', 1],
    ['区住建局', 1],
  ]);
  expect(options.months).toEqual([
    { value: '2023-06', label: '2023年6月', count: 2 },
    { value: '2023-12', label: '2023年12月', count: 1 },
  ]);
});

test('deadline months', () => {
  expect(deadlineMonth('2023-06-30')).toBe('2023-06');
  expect(deadlineMonth('')).toBe('');
});
