import { expect, test } from 'vitest';
import { largestValue, planChart, topPadding, unplacedNote, unplacedValues, valueKey } from '../../../src/lib/charts/chart-plan.ts';
import type { ChartSpec } from '../../../src/lib/charts/chart-types.ts';

/** A monospace measure: CJK characters 13 px, everything else 7 px, as a 13 px font roughly draws them. */
const measure = (text: string) => [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef“”]/.test(c) ? 13 : 7), 0);

function spec(overrides: Partial<ChartSpec>): ChartSpec {
  return {
    id: 'c',
    title: '图',
    unit: '项',
    source: { label: '出处', href: '/' },
    kind: 'bar',
    notes: [],
    table: { headers: [], rows: [] },
    categories: ['青山湖区', '万里区', '湾里管理局'],
    series: [{ label: '任务', values: [12, 3, null] }],
    ...overrides,
  };
}

test('bars stand upright while their labels fit side by side, and turn horizontal on a phone', () => {
  const wide = planChart(spec({}), 900, 13, measure);
  expect(wide.horizontal).toBe(false);
  expect(wide.labels).toEqual([['青山湖区'], ['万里区'], ['湾里管理局']]);
  const phone = planChart(spec({}), 180, 13, measure);
  expect(phone.horizontal).toBe(true);
  // Horizontal bars give every category a row: the chart grows with the number of categories.
  const more = planChart(
    spec({ categories: Array.from({ length: 12 }, (_, i) => `地区${i}`), series: [{ label: '任务', values: Array(12).fill(1) }] }),
    180,
    13,
    measure,
  );
  expect(more.height).toBeGreaterThan(phone.height);
});

test('a chart declared horizontal stays horizontal and a line chart never turns', () => {
  expect(planChart(spec({ kind: 'horizontal-bar' }), 1200, 13, measure).horizontal).toBe(true);
  expect(planChart(spec({ kind: 'line' }), 120, 13, measure).horizontal).toBe(false);
});

test('no label line is wider than the room its category has', () => {
  const long = spec({ categories: ['第三方评价反馈问题整改，公布完成率89.5%', '对标提升'], kind: 'horizontal-bar' });
  const plan = planChart(long, 320, 13, measure);
  for (const line of plan.labels.flat()) expect(measure(line)).toBeLessThanOrEqual(320 * 0.42);
  expect(plan.labels[0]!.join('')).toBe('第三方评价反馈问题整改，公布完成率89.5%');
});

test('a category note is drawn as its own line under the category', () => {
  const plan = planChart(spec({ kind: 'horizontal-bar', categoryNotes: ['公布 89.5%', '', ''] }), 900, 13, measure);
  expect(plan.labels[0]).toEqual(['青山湖区', '公布 89.5%']);
  expect(plan.labels[1]).toEqual(['万里区']);
});

test('dates over time are short on a phone and in full where they fit', () => {
  const dates = ['2023-05-31', '2023-06-30', '2023-07-31', '2023-08-31', '2023-09-30', '2023-10-31'];
  const over = spec({
    kind: 'line',
    categories: dates.map((d) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8))}日`),
    categoryDates: dates,
    series: [{ label: '完成率', values: [1, 2, 3, 4, 5, 6] }],
  });
  expect(planChart(over, 1200, 13, measure).labels[0]).toEqual(['2023年5月31日']);
  expect(planChart(over, 360, 13, measure).labels[0]).toEqual(['5/31', '2023年']);
});

test('bigger text makes a taller chart, and a legend of several series adds room', () => {
  expect(planChart(spec({}), 900, 26, measure).height).toBeGreaterThan(planChart(spec({}), 900, 13, measure).height);
  const two = spec({
    series: [
      { label: '已完成', values: [1, 2, 3] },
      { label: '推进中', values: [1, 1, 1] },
    ],
  });
  expect(planChart(two, 900, 13, measure).height).toBeGreaterThan(planChart(spec({}), 900, 13, measure).height);
});

test('horizontal rows keep room for their tallest label beside the padding above and the value axis below', () => {
  // Two targets whose labels wrap into five lines at 大字 on the smallest phone: chart.js shrinks rows the canvas
  // has no room for, and the last line of one label then overprints the next label.
  const targets = spec({
    kind: 'horizontal-bar',
    categories: ['青山湖区', '湾里管理局'],
    categoryNotes: ['≥ 900 项（2023年12月31日前）', '≥ 600 项（2023年12月31日前）'],
    series: [{ label: '目标', values: [900, 600] }],
  });
  const fontSize = 18;
  const lineHeight = Math.round(fontSize * 1.3);
  const plan = planChart(targets, 230, fontSize, (text) => [...text].length * fontSize);
  const tallest = Math.max(...plan.labels.map((lines) => lines.length)) * lineHeight;
  expect(tallest).toBeGreaterThanOrEqual(4 * lineHeight);
  // Below the rows chart.js keeps the value axis and room around the plot: about three lines at this size, as drawn
  // in Chromium. Each row then holds its label with half a line clear of the next.
  const rows = plan.height - topPadding(fontSize) - 3 * lineHeight;
  expect(rows / targets.categories.length).toBeGreaterThanOrEqual(tallest + lineHeight / 2);
});

test('the largest value ignores gaps and is 0 for a chart with no figures', () => {
  expect(largestValue(spec({}))).toBe(12);
  expect(largestValue(spec({ series: [{ label: '任务', values: [null, null, null] }] }))).toBe(0);
});

test('a value with no place on the chart is named with its category, series and unit', () => {
  const rates = spec({
    unit: '%',
    series: [
      { label: '计算', values: [79, 40, null], decimals: 1 },
      { label: '公布', values: [89.5, 41, null] },
    ],
  });
  expect(unplacedValues(rates, [valueKey(0, 0), valueKey(1, 1)])).toEqual(['青山湖区 计算 79.0%', '万里区 公布 41%']);
  expect(unplacedValues(spec({}), [valueKey(0, 1)])).toEqual(['万里区 3']);
  expect(unplacedNote(['青山湖区 12', '万里区 3'])).toBe('图中放不下的数字：青山湖区 12；万里区 3。');
  expect(unplacedNote([])).toBe('');
});
