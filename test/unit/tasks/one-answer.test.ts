/**
 * Questions the lead-unit chart, the statistics and briefing pages, and the
 * task filter each answer: they must answer them alike, so that a figure in a
 * chart and the filter or table beside it never disagree.
 */
import { expect, test } from 'vitest';
import { leadUnits, rankingTiersChart, tasksByLeadUnitChart, tasksByMonthChart } from '../../../src/lib/charts/chart-specs.ts';
import { filterOptions, filterTasks, filterableTask } from '../../../src/lib/tasks/task-filter.ts';
import { splitLeadUnits } from '../../../src/lib/tasks/lead-units.ts';
import { formatChineseMonth } from '../../../src/core/dates.ts';
import { UNLISTED_INDICATORS } from '../../../src/schemas/ranking-tiers.ts';

const cells = ['区市监局', '区市监局、区政数局', '区发改委，区住建局;区税务局', '区政数局 区市监局', '区住建局、 区税务局', ''];
const rows = cells.map((leadUnit, i) => ({
  number: i + 1,
  leadUnit: leadUnit || undefined,
  deadline: `2023-0${(i % 3) + 6}-30`,
  indicatorName: '开办企业',
}));

test('a 牵头单位 cell names the same units in the lead-unit chart and in the task filter', () => {
  for (const cell of cells.filter(Boolean)) expect(leadUnits(cell)).toEqual(splitLeadUnits(cell));
  expect(splitLeadUnits('区政数局 区市监局')).toEqual(['区政数局', '区市监局']);
  expect(splitLeadUnits('区住建局、 区税务局')).toEqual(['区住建局', '区税务局']);
  expect(splitLeadUnits('')).toEqual([]);

  const chart = tasksByLeadUnitChart('l', '清单', rows);
  const tasks = rows.map((row) => ({ ...filterableTask(row), text: '' }));
  const options = filterOptions(tasks);
  // Every unit the chart counts is a choice of the filter, and choosing it shows as many rows as the chart counts.
  for (const [unit, count] of chart.table.rows.filter(([unit]) => unit !== '原文未写明')) {
    expect(options.units.find((o) => o.value === unit)?.count, unit).toBe(Number(count));
    expect(filterTasks(tasks, { unit }).filter(Boolean).length, unit).toBe(Number(count));
  }
  expect(options.units.map((o) => o.value).sort()).toEqual(
    chart.table.rows
      .map(([unit]) => unit)
      .filter((u) => u !== '原文未写明')
      .sort(),
  );
});

test('a deadline month has one label, in the deadline chart and in the filter', () => {
  const chart = tasksByMonthChart('l', '清单', rows);
  const options = filterOptions(rows.map((row) => ({ ...filterableTask(row), text: '' })));
  expect(options.months.map((m) => m.label)).toEqual(chart.categories);
  expect(formatChineseMonth('2024-01')).toBe(formatChineseMonth('2024-01-31'));
  expect(formatChineseMonth('2024-01')).toBe('2024年1月');
});

test('a ranking tier whose indicators the notice did not list is labelled alike everywhere', () => {
  const names = { documentTitle: (id: string) => id, sectionTitle: (_: string, anchor: string) => anchor };
  const chart = rankingTiersChart(
    'b',
    [{ id: 't', tier: '中等', count: 11, indicators: [], publishedOn: '2023-07-05', publisher: '市营商办', briefing: 'b', section: 's' }],
    (id) => id,
    names,
  );
  expect(chart.categoryNotes).toEqual([UNLISTED_INDICATORS]);
});
