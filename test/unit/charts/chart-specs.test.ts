import { describe, expect, test } from 'vitest';
import {
  briefingProgressChart,
  chartIds,
  COMPARISON_ROWS,
  leadUnits,
  rankingTiersChart,
  targetComparisonCharts,
  tasksByGroupChart,
  tasksByLeadUnitChart,
  RATES_AGREE_NOTE,
  rateSpreadChart,
  sameSeries,
  tasksByMonthChart,
  trackerCountsChart,
  trackerRateChart,
} from '../../../src/lib/charts/chart-specs.ts';
import { chartSummary, formatChartValue } from '../../../src/lib/charts/chart-types.ts';
import { twelveBriefingRows } from '../../support/twelve-briefings.ts';

const progress = [
  {
    id: 'p1',
    tracker: 'disanfang-zhenggai',
    asOf: '2023-07-31',
    total: 105,
    completed: 83,
    inProgress: 11,
    notCompleted: 11,
    publishedRate: 89.5,
    briefing: 'b3',
    section: '事项清单',
  },
  {
    id: 'p2',
    tracker: 'duibiao-tisheng',
    asOf: '2023-07-31',
    total: 93,
    completed: 32,
    notCompleted: 55,
    longTerm: 6,
    publishedRate: 34.4,
    briefing: 'b3',
    section: '事项清单',
  },
];
const names = { documentTitle: (id: string) => `《${id}》`, sectionTitle: (document: string, anchor: string) => `${document}的${anchor}` };
const name = (id: string) => ({ 'disanfang-zhenggai': '第三方整改', 'duibiao-tisheng': '对标提升' })[id] ?? id;

describe('briefing progress chart', () => {
  const spec = briefingProgressChart({ briefingId: 'b3', briefingTitle: '简报第3期', rows: progress, trackerName: name, names });

  test('has the id the briefing page asks for', () => expect(spec.id).toBe(chartIds.briefingProgress('b3')));

  test('stacks the four parts of each tracker, leaving unpublished parts empty rather than zero', () => {
    expect(spec.categories).toEqual(['第三方整改', '对标提升']);
    expect(spec.series).toEqual([
      { label: '已完成', values: [83, 32] },
      { label: '正在推进', values: [11, null] },
      { label: '未完成', values: [11, 55] },
      { label: '长期坚持', values: [null, 6] },
    ]);
  });

  test('shows each published rate beside the computed one, and explains the disagreement', () => {
    expect(spec.categoryNotes).toEqual(['共105项，公布完成率89.5%（计算为79.0%）', '共93项，公布完成率34.4%']);
    expect(spec.notes).toHaveLength(1);
    expect(spec.notes[0]).toContain('（已完成 + 正在推进）÷ 总数');
  });

  test('its table is the source rows, figures unchanged, computed rates at the precision shown, names beside codes, units in headers', () => {
    expect(spec.table.rows[0]).toEqual([
      'p1',
      '第三方整改',
      '2023-07-31',
      '105',
      '83',
      '11',
      '11',
      '',
      '89.5',
      '79.0',
      'b3',
      '《b3》',
      '事项清单',
      'b3的事项清单',
    ]);
    expect(spec.table.headers).toContain('公布完成率（%）');
    expect(spec.table.headers).toContain('总数（项）');
    expect(spec.asOf).toBe('2023-07-31');
    expect(spec.source.href).toBe('/briefings/b3/#事项清单');
  });
});

test('computed rates are written with the decimal the page shows, published ones as published', () => {
  expect(formatChartValue({ unit: '%' }, { decimals: 1 }, 79)).toBe('79.0%');
  expect(formatChartValue({ unit: '%' }, {}, 89.5)).toBe('89.5%');
  expect(formatChartValue({ unit: '项' }, {}, 11)).toBe('11');
});

test('a tracker with one snapshot gets one point and says why', () => {
  const spec = trackerRateChart({
    trackerId: 'duibiao-tisheng',
    trackerName: '对标提升',
    regionId: 'qingshanhu',
    regionName: '青山湖区',
    rows: [progress[1]!],
    briefingTitle: () => '简报第3期',
    names,
  });
  expect(spec.id).toBe('rate-duibiao-tisheng-qingshanhu');
  expect(spec.title).toBe('青山湖区对标提升：完成率变化');
  expect(spec.categories).toEqual(['2023年7月31日']);
  // Published and computed agree (32 ÷ 93 = 34.4%): one line, and the note says they agree.
  expect(spec.series.map((s) => s.values)).toEqual([[34.4]]);
  expect(spec.notes).toEqual([RATES_AGREE_NOTE, expect.stringContaining('只有一个点')]);
  expect(spec.valueAxis).toEqual({ min: 0, max: 100 });
});

describe('a tracker over twelve briefings', () => {
  const { model, rows, revisions } = twelveBriefingRows();
  const current = rows.filter((r) => !revisions.get(r.id)?.revisedBy);
  const history = (tracker: string) => ({
    trackerId: tracker,
    trackerName: tracker,
    regionId: 'qingshanhu',
    regionName: '青山湖区',
    rows: current.filter((r) => r.tracker === tracker),
    briefingTitle: (id: string) => model.briefings.find((b) => b.id === id)!.data.title,
    names,
  });

  test('equal published and computed rates are drawn as one line with the note that they agree', () => {
    const spec = trackerRateChart(history('duibiao-tisheng'));
    expect(spec.series).toHaveLength(1);
    expect(spec.series[0]!.values).toHaveLength(12);
    expect(spec.notes).toContain(RATES_AGREE_NOTE);
    expect(spec.notes.join('')).not.toContain('放不下');
  });

  test('rates that differ at one date keep both lines, and the axis stays 0–100%', () => {
    const spec = trackerRateChart(history('chuangxin-shidian'));
    expect(spec.series.map((s) => s.label)).toEqual(['公布完成率', '计算完成率（已完成÷总数）']);
    expect(spec.notes).not.toContain(RATES_AGREE_NOTE);
    expect(spec.valueAxis).toEqual({ min: 0, max: 100 });
    expect(spec.categoryDates).toHaveLength(12);
    expect(spec.categoryDates).toEqual([...spec.categoryDates!].sort());
  });

  test("the revised November figure replaces the first one in the counts over time, stacked in the briefing chart's part order", () => {
    const spec = trackerCountsChart({ ...history('duibiao-tisheng'), id: 'counts-x' });
    expect(spec.kind).toBe('stacked-bar');
    expect(spec.series.map((s) => s.label)).toEqual(['已完成', '正在推进', '未完成', '长期坚持']);
    expect(spec.series[0]!.values[10]).toBe(76);
    expect(spec.table.rows[10]).toEqual(['2023-11-30', '93', '76', '', '11', '6']);
    expect(spec.summary).toContain('共12期');
  });

  test('a compact rate chart summarises in one sentence and tabulates only the rates', () => {
    const spec = trackerRateChart({ ...history('duibiao-tisheng'), id: 'trend-x', compact: true });
    expect(spec.id).toBe('trend-x');
    expect(spec.table.headers).toEqual(['截至日期', '公布完成率（%）', '计算完成率（已完成÷总数，%）']);
    expect(spec.summary).toBe(
      '青山湖区duibiao-tisheng完成率，共12期：由10.8%（截至2023年1月31日）到93.5%（截至2023年12月31日）。各期数字见数据表。',
    );
  });
});

test('sameSeries: equal at every point, missing counted as equal only to missing', () => {
  expect(sameSeries([1, null, 2], [1, null, 2])).toBe(true);
  expect(sameSeries([1, 2], [1, 2.1])).toBe(false);
  expect(sameSeries([1, null], [1, 1])).toBe(false);
});

test('the spread of latest rates has ten bands, one series per tracker', () => {
  const spec = rateSpreadChart({ id: 's', trackers: [{ name: '对标提升', rates: [34.4, 93.5, 91] }], source: { label: 'x', href: '/' } });
  expect(spec.categories).toHaveLength(10);
  expect(spec.series[0]!.values).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2]);
  expect(spec.table.rows.at(-1)).toEqual(['90–100%', '2']);
});

const tasks = [
  { number: 1, deadline: '2023-06-30', leadUnit: '区市监局', indicatorName: '开办企业' },
  { number: 2, deadline: '2023-12-31', leadUnit: '区发改委、区住建局', indicatorName: '招标投标' },
  { number: 3, deadline: '2023-06-15', leadUnit: undefined, indicatorName: '开办企业' },
  { number: 4, deadline: undefined, leadUnit: '区市监局', indicatorName: '开办企业' },
];

test('tasks by deadline month are in calendar order, with undated tasks counted, not dropped', () => {
  const spec = tasksByMonthChart('l', '清单', tasks);
  expect(spec.table.rows).toEqual([
    ['2023年6月', '2'],
    ['2023年12月', '1'],
    ['原文未写明', '1'],
  ]);
});

test('tasks by indicator keep list order; lists without indicators are counted by special action', () => {
  expect(tasksByGroupChart('l', '清单', tasks).table.rows).toEqual([
    ['开办企业', '3'],
    ['招标投标', '1'],
  ]);
  const actions = tasksByGroupChart('l', '清单', [{ number: 1, action: '降低企业成本专项行动' }]);
  expect(actions.id).toBe('actions-l');
  expect(actions.table.rows).toEqual([['降低企业成本专项行动', '1']]);
});

test('tasks led jointly count for each lead unit, and the chart says so', () => {
  expect(leadUnits('区发改委、区住建局')).toEqual(['区发改委', '区住建局']);
  const spec = tasksByLeadUnitChart('l', '清单', tasks);
  expect(spec.table.rows).toEqual([
    ['区市监局', '2'],
    ['区发改委', '1'],
    ['区住建局', '1'],
    ['原文未写明', '1'],
  ]);
  expect(spec.notes[0]).toContain('有 1 项任务由两个及以上单位共同牵头');
});

test('target comparisons only for metrics at least two regions set in the same unit for the same year', () => {
  const target = (id: string, region: string, metric: string, value: number, unit = '项', policy = `${region}-2023`) => ({
    id,
    region,
    metric,
    comparator: '≥',
    value,
    unit,
    policy,
    section: 's1',
  });
  const charts = targetComparisonCharts(
    [
      target('a', 'wanli', '免证办事项', 600),
      target('b', 'qingshanhu', '免证办事项', 900),
      target('c', 'wanli', '纳税时间', 70, '小时'),
      target('d', 'qingshanhu', '纳税时间', 70, '天'),
      target('e', 'longnan', '免证办事项', 500, '项', 'longnan-2024'),
    ],
    (id) => ({ wanli: '湾里', qingshanhu: '青山湖' })[id] ?? id,
    (t) => t.policy.slice(-4),
    names,
  );
  const specs = charts.map((c) => c.spec);
  expect(specs).toHaveLength(1);
  // The compared targets come with the chart, in the chart's order.
  expect(charts[0]!.targets.map((t) => t.id)).toEqual(['b', 'a']);
  expect(specs[0]!.title).toBe('免证办事项：各地2023年目标对比');
  expect(specs[0]!.categories).toEqual(['青山湖', '湾里']);
  expect(specs[0]!.series[0]!.values).toEqual([900, 600]);
  expect(specs[0]!.categoryNotes).toEqual(['≥ 900 项', '≥ 600 项']);
  expect(specs[0]!.table.rows[0]!.slice(7)).toEqual(['qingshanhu-2023', '《qingshanhu-2023》', 's1', 'qingshanhu-2023的s1']);
});

test('a comparison of many regions is split into numbered groups, every target in exactly one', () => {
  const many = Array.from({ length: COMPARISON_ROWS + 3 }, (_, i) => ({
    id: `t${i}`,
    region: `r${String(i).padStart(3, '0')}`,
    metric: '免证办事项',
    comparator: '≥',
    value: i,
    unit: '项',
    policy: 'p-2023',
    section: 's1',
  }));
  const charts = targetComparisonCharts(
    many,
    (id) => id,
    () => '2023',
    names,
  );
  const specs = charts.map((c) => c.spec);
  expect(charts.map((c) => c.targets.map((t) => t.id))).toEqual(specs.map((s) => s.table.rows.map((r) => r[0])));
  expect(specs.map((s) => s.title)).toEqual([
    '免证办事项：各地2023年目标对比（第1组，共2组）',
    '免证办事项：各地2023年目标对比（第2组，共2组）',
  ]);
  expect(specs.map((s) => s.categories.length)).toEqual([COMPARISON_ROWS, 3]);
  expect(new Set(specs.map((s) => s.id)).size).toBe(2);
  expect(specs.flatMap((s) => s.table.rows.map((r) => r[0])).sort()).toEqual(many.map((t) => t.id).sort());
});

test('ranking tiers show counts, named indicators where the source names them', () => {
  const spec = rankingTiersChart(
    'b3',
    [
      {
        id: 't1',
        publishedOn: '2023-07-05',
        publisher: '赣州市营商办',
        tier: '靠前',
        count: 3,
        indicators: ['a', 'b', 'c'],
        briefing: 'b3',
        section: '事项清单',
      },
      {
        id: 't2',
        publishedOn: '2023-07-05',
        publisher: '赣州市营商办',
        tier: '中等',
        count: 11,
        indicators: [],
        briefing: 'b3',
        section: '事项清单',
      },
    ],
    (id) => id.toUpperCase(),
    names,
  );
  expect(spec.series[0]!.values).toEqual([3, 11]);
  expect(spec.categoryNotes).toEqual(['A、B、C', '通报未列名称']);
});

test('the text alternative states every figure', () => {
  const spec = tasksByMonthChart('l', '清单', tasks);
  expect(chartSummary(spec)).toBe('清单：按完成时限月份统计。2023年6月：2项；2023年12月：1项；原文未写明：1项。');
});
